-- A call has at most one rating: the call recorder rewrites a call's row with every snapshot it stores, so the
-- rating is an upsert by call.
CREATE UNIQUE INDEX rating_call_idx ON rating (call_id);
-- Statistics read call records by time and procedures by popularity.
CREATE INDEX rating_procedure_idx ON rating (procedure_code);
