//! How the domain's closed sets of words (roles, account kinds) are read from text
//! columns: one mapping each, and a value Doorstep does not know is a decoding error,
//! never quietly taken for something else.

use crate::dto::{AccountKind, MemberRole};
use crate::permissions::Role;
use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::error::BoxDynError;
use sqlx::{Any, Decode, Type};

macro_rules! text_enum {
    ($ty:ty, $what:literal, $parse:expr) => {
        impl Type<Any> for $ty {
            fn type_info() -> AnyTypeInfo {
                <String as Type<Any>>::type_info()
            }

            fn compatible(ty: &AnyTypeInfo) -> bool {
                <String as Type<Any>>::compatible(ty)
            }
        }

        impl<'r> Decode<'r, Any> for $ty {
            fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
                let raw = <String as Decode<'r, Any>>::decode(value)?;
                let parse: fn(&str) -> Option<$ty> = $parse;
                parse(&raw).ok_or_else(|| format!("unknown {} {raw:?}", $what).into())
            }
        }
    };
}

text_enum!(MemberRole, "membership role", MemberRole::parse);
text_enum!(AccountKind, "account kind", AccountKind::parse);
text_enum!(Role, "staff role", |raw| Role::parse(raw)
    .filter(|r| r.is_staff()));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[tokio::test]
    async fn unknown_words_are_errors_not_defaults() {
        let dir = std::env::temp_dir().join(format!(
            "doorstep-codec-{}-{}.db",
            std::process::id(),
            rand::random::<u32>()
        ));
        let store = Store::connect(&format!("sqlite://{}", dir.display()), 1)
            .await
            .expect("store");
        let mut conn = store.conn().await.expect("conn");
        let known: (MemberRole, AccountKind, Role) =
            sqlx::query_as("SELECT 'owner', 'company', 'dispatcher'")
                .fetch_one(&mut *conn)
                .await
                .expect("known words");
        assert_eq!(
            known,
            (MemberRole::Owner, AccountKind::Company, Role::Dispatcher)
        );
        for sql in ["SELECT 'boss'", "SELECT 'Owner'", "SELECT 'account_member'"] {
            let err = sqlx::query_as::<_, (MemberRole,)>(sql)
                .fetch_one(&mut *conn)
                .await
                .expect_err(sql);
            assert!(err.to_string().contains("unknown membership role"), "{err}");
        }
        let err = sqlx::query_as::<_, (Role,)>("SELECT 'owner'")
            .fetch_one(&mut *conn)
            .await
            .expect_err("customer word in a staff column");
        assert!(err.to_string().contains("unknown staff role"), "{err}");
        assert!(
            sqlx::query_as::<_, (AccountKind,)>("SELECT 'castle'")
                .fetch_one(&mut *conn)
                .await
                .is_err()
        );
        drop(conn);
        store.close().await;
        let _ = std::fs::remove_file(&dir);
    }
}
