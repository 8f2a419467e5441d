-- Catalogue: fields (lĩnh vực), agencies, procedures (thủ tục hành chính), holidays.
CREATE TABLE field (
    code        varchar(40)  PRIMARY KEY,
    name        text         NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE agency (
    code           varchar(40)  PRIMARY KEY,
    name           text         NOT NULL,
    address        text,
    phone          text,
    email          text,
    working_hours  text,
    -- [{"days":["MONDAY",...],"open":"07:30","close":"11:30"}, ...]
    opening_hours  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE procedure (
    code             varchar(32)  PRIMARY KEY,
    name             text         NOT NULL,
    field_code       varchar(40)  NOT NULL REFERENCES field (code),
    agency_code      varchar(40)  REFERENCES agency (code),
    level            text,
    on_the_spot      varchar(4)   NOT NULL DEFAULT 'NONE' CHECK (on_the_spot IN ('NONE', 'FOUR', 'FIVE')),
    processing_time  text,
    processing_days  integer      CHECK (processing_days >= 0),
    fees             text,
    -- [{"name": "...", "copies": 1, "form": "..."}]
    documents        jsonb        NOT NULL DEFAULT '[]'::jsonb,
    steps            jsonb        NOT NULL DEFAULT '[]'::jsonb,
    where_to_submit  text,
    legal_basis      text,
    spoken_summary   text,
    keypad_number    varchar(8)   NOT NULL UNIQUE,
    -- lower case, without Vietnamese diacritics: code, name, field, agency; what search matches against
    search_text      text         NOT NULL,
    -- the name alone in the same form; what search ranks by
    search_name      text         NOT NULL,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    version          integer      NOT NULL DEFAULT 0
);
CREATE INDEX procedure_field_idx ON procedure (field_code);
CREATE INDEX procedure_agency_idx ON procedure (agency_code);

CREATE TABLE holiday (
    day   date  PRIMARY KEY,
    name  text  NOT NULL
);

-- Dossiers (hồ sơ) as the portal syncs them, with their status history.
CREATE TABLE dossier (
    code                  varchar(64)  PRIMARY KEY,
    -- the digits a caller keys on the phone
    keypad_code           varchar(32)  NOT NULL UNIQUE,
    procedure_code        varchar(32)  NOT NULL REFERENCES procedure (code),
    applicant_name        text         NOT NULL,
    -- the applicant's phone is never stored: a hash of its last four digits (the lookup's second factor)
    -- and a hash of the whole number (to recognise the applicant calling from it)
    verifier_hash         varchar(64)  NOT NULL,
    applicant_phone_hash  varchar(64)  NOT NULL,
    status                varchar(20)  NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSING', 'NEEDS_SUPPLEMENT',
                                           'COMPLETED', 'REJECTED', 'RETURNED', 'CANCELLED')),
    current_step          text,
    received_at           timestamptz  NOT NULL,
    due_at                timestamptz,
    completed_at          timestamptz,
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    version               integer      NOT NULL DEFAULT 0
);
CREATE INDEX dossier_procedure_idx ON dossier (procedure_code);
CREATE INDEX dossier_status_idx ON dossier (status);

CREATE TABLE dossier_status_change (
    id            bigserial    PRIMARY KEY,
    dossier_code  varchar(64)  NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
    status        varchar(20)  NOT NULL,
    current_step  text,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX dossier_status_change_dossier_idx ON dossier_status_change (dossier_code, changed_at);
