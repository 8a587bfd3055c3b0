-- Changing one's sign-in email: a link mailed to the new address proves it, and the address
-- waits on the link until then.
ALTER TABLE auth_links DROP CONSTRAINT auth_links_purpose_check;
ALTER TABLE auth_links ADD CONSTRAINT auth_links_purpose_check
    CHECK (purpose IN ('verify', 'reset', 'sign_in', 'invite', 'email'));
-- Email links: the address the person moves to once the link is used.
ALTER TABLE auth_links ADD COLUMN new_email TEXT;
