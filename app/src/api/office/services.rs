//! The service catalogue, for dispatchers and admins.

use crate::error::ApiError;
use doorstep::catalogue::ServiceDraft;
use doorstep::ids::ServiceRef;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A service of the catalogue with its reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub service: ServiceRef,
    pub draft: ServiceDraft,
}

#[server(endpoint = "catalogue")]
pub async fn get_catalogue() -> Result<Vec<CatalogueEntry>, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    require(Permission::ManageScheduling)?;
    let state = state()?;
    let rows = doorstep::services::catalogue::list(&state.store, state.business().default_locale)
        .await
        .map_err(|e| internal("reading the catalogue failed", e))?;
    Ok(rows
        .into_iter()
        .map(|r| CatalogueEntry {
            service: ServiceRef::from_id(r.id),
            draft: r.draft,
        })
        .collect())
}

/// `service`: a reference (`SV-000001`).
#[server(endpoint = "catalogue-service")]
pub async fn get_service(service: String) -> Result<CatalogueEntry, ApiError> {
    use crate::api::support::{internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::catalogue::{CatalogueError, get};
    require(Permission::ManageScheduling)?;
    let service = ServiceRef::parse(&service).ok_or(ApiError::NotFound)?;
    let state = state()?;
    match get(&state.store, service.id(), state.business().default_locale).await {
        Ok(row) => Ok(CatalogueEntry {
            service,
            draft: row.draft,
        }),
        Err(CatalogueError::NotFound) => Err(ApiError::NotFound),
        Err(e) => Err(internal("reading a service failed", e)),
    }
}

/// `service`: the reference of the service changed, empty for a new one; `fields`: the
/// form as typed (`fields[name_en]`, `fields[duration_min]`, …).
#[server(endpoint = "save-service")]
pub async fn save_service(
    #[server(default)] service: Option<String>,
    #[server(default)] fields: BTreeMap<String, String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::error::FieldError;
    use doorstep::permissions::Permission;
    use doorstep::services::catalogue::{CatalogueError, save};
    let user = require(Permission::ManageScheduling)?;
    let id = match service.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(ServiceRef::parse(raw).ok_or(ApiError::NotFound)?.id()),
    };
    let state = state()?;
    let business = state.business();
    let value = |name: &str| fields.get(name).map_or("", String::as_str);
    let refused = |problems: Vec<(String, FieldError)>| ApiError::fields_refused(problems, &fields);
    let draft =
        ServiceDraft::parse(value, business.default_locale, business.currency).map_err(&refused)?;
    let name_field = format!("name_{}", business.default_locale.code());
    match save(&state.store, &user, id, &draft, &info().origin).await {
        Ok(saved) => {
            leptos_axum::redirect(&format!(
                "/office/services?saved={}",
                ServiceRef::from_id(saved)
            ));
            Ok(())
        }
        Err(CatalogueError::NotFound) => Err(ApiError::NotFound),
        Err(CatalogueError::NameTaken) => Err(refused(vec![(name_field, FieldError::Taken)])),
        Err(e) => Err(internal("saving a service failed", e)),
    }
}
