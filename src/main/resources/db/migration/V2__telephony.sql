-- The voice menu, its prompts' audio, and what calls did.

-- The IVR tree; validated as a whole by the application (ivr.MenuValidator) before any write.
CREATE TABLE menu_node (
    key          varchar(64)  PRIMARY KEY,
    parent_key   varchar(64),
    digit        char(1),
    kind         varchar(16)  NOT NULL CHECK (kind IN ('MENU', 'MESSAGE', 'SERVICE', 'HANGUP')),
    prompt_text  text         NOT NULL,
    target       varchar(64),
    position     integer      NOT NULL DEFAULT 0,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);

-- Audio as calls play it: 8 kHz G.711 µ-law, whole 20 ms frames. A-law is transcoded from it when loaded.
CREATE TABLE prompt (
    key          varchar(128) PRIMARY KEY,
    text         text         NOT NULL,
    voice        varchar(64)  NOT NULL,
    -- TTS: rendered by espeak-ng; UPLOAD: a staff recording; SHIPPED: pre-rendered audio shipped with the service
    source       varchar(8)   NOT NULL CHECK (source IN ('TTS', 'UPLOAD', 'SHIPPED')),
    -- sha-256 of voice + text: the audio is current while this matches
    text_hash    varchar(64)  NOT NULL,
    audio_ulaw   bytea        NOT NULL,
    duration_ms  integer      NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);

-- One row per call: written when answered (or rejected), completed when it ends.
CREATE TABLE call_record (
    call_id           varchar(256) PRIMARY KEY,
    trunk_address     varchar(64)  NOT NULL,
    caller_masked     varchar(64),
    called_number     varchar(64),
    started_at        timestamptz  NOT NULL,
    answered_at       timestamptz,
    ended_at          timestamptz,
    end_reason        varchar(32),
    reject_status     integer,
    codec             varchar(8),
    dtmf_mode         varchar(16),
    -- [{"node":"root","digits":"1","at":"..."}]
    menu_path         jsonb        NOT NULL DEFAULT '[]'::jsonb,
    procedures        jsonb        NOT NULL DEFAULT '[]'::jsonb,
    lookups           jsonb        NOT NULL DEFAULT '[]'::jsonb,
    packets_sent      bigint       NOT NULL DEFAULT 0,
    packets_received  bigint       NOT NULL DEFAULT 0,
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX call_record_started_idx ON call_record (started_at);
CREATE INDEX call_record_end_reason_idx ON call_record (end_reason);

CREATE TABLE rating (
    id              bigserial    PRIMARY KEY,
    call_id         varchar(256) NOT NULL REFERENCES call_record (call_id) ON DELETE CASCADE,
    score           smallint     NOT NULL CHECK (score BETWEEN 1 AND 5),
    procedure_code  varchar(32),
    dossier_code    varchar(64),
    rated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX rating_rated_at_idx ON rating (rated_at);
