package vn.dvc.hotline.calls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The calls up right now, for {@code GET /api/v1/calls/live}. Thread-safe: calls add and remove themselves from
 * their own event loops; readers take a weakly consistent snapshot.
 */
@ApplicationScoped
public class LiveCalls {

    private final ConcurrentHashMap<String, CallSession> calls = new ConcurrentHashMap<>();

    void add(CallSession call) {
        calls.put(call.callId(), call);
    }

    void remove(CallSession call) {
        calls.remove(call.callId(), call);
    }

    public List<CallRecord> snapshot() {
        Collection<CallSession> now = calls.values();
        List<CallRecord> records = new ArrayList<>(now.size());
        for (CallSession call : now) {
            records.add(call.snapshot());
        }
        return records;
    }

    public int size() {
        return calls.size();
    }
}
