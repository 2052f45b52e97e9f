-- Every attempt at a message, not only its last: when it ended, how long the call took, the HTTP
-- status or the network error, the partner's answer code and the first characters of its body,
-- and the retry it scheduled. Written by the statement that stores the attempt's outcome in
-- delivery_message (no further round trip), deleted with its message by the service's retention.
create table delivery_attempt (
    message_id     bigint       not null,             -- delivery_message.id
    id             bigserial,
    partner        varchar(4)   not null,             -- the message's partner, for the partner's figures
    attempted_at   timestamptz  not null,             -- when the attempt ended
    duration_ms    integer,                           -- the call's duration; null when no call was made
    http_status    integer,                           -- null without an answer
    answer_code    integer,                           -- Code_Reponse, when the body is a protocol answer
    answer_label   varchar(50),                       -- Libelle_Reponse
    answer_start   varchar(500),                      -- the answer's body, its first 500 characters
    error          varchar(500),                      -- why it did not deliver the message
    status         varchar(12)  not null,             -- the message's status after it
    next_attempt_at timestamptz,                      -- the retry it scheduled, when the message waits
    primary key (message_id, id)
);
-- the partners' figures over the last hours
create index delivery_attempt_partner on delivery_attempt (partner, attempted_at);
-- written as often as delivery_message: the same gentle vacuum
alter table delivery_attempt set (autovacuum_vacuum_cost_delay = 20);
