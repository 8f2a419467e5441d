package vn.dvc.hotline.dossier;

/** Where a dossier stands, with the words the portal and the phone use for it. */
public enum DossierStatus {
    RECEIVED("Đã tiếp nhận"),
    PROCESSING("Đang giải quyết"),
    NEEDS_SUPPLEMENT("Cần bổ sung hồ sơ"),
    COMPLETED("Đã có kết quả"),
    REJECTED("Từ chối giải quyết"),
    RETURNED("Đã trả kết quả"),
    CANCELLED("Đã hủy");

    private final String label;

    DossierStatus(String label) {
        this.label = label;
    }

    /** The status in Vietnamese, as a citizen reads or hears it. */
    public String label() {
        return label;
    }

    /** Whether the work is over, so that a due date no longer matters. */
    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == RETURNED || this == CANCELLED;
    }
}
