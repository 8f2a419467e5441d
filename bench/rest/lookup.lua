-- POST /api/v1/dossiers/lookup for a known dossier and its verifier; run.sh fills in CODE and VERIFIER.
wrk.method = "POST"
wrk.path = "/api/v1/dossiers/lookup"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"code":"CODE","verifier":"VERIFIER"}'
