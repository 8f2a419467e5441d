package vn.dvc.hotline.dossier;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A dossier (hồ sơ) as the portal syncs it. The applicant's phone number is never stored: only a hash of its last four
 * digits (the lookup's second factor) and a hash of the whole number.
 */
@Entity
@Table(name = "dossier")
public class Dossier {
    @Id
    public String code;
    @Column(name = "keypad_code")
    public String keypadCode;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "applicant_name")
    public String applicantName;
    @Column(name = "verifier_hash")
    public String verifierHash;
    @Column(name = "applicant_phone_hash")
    public String applicantPhoneHash;
    @Enumerated(EnumType.STRING)
    public DossierStatus status;
    @Column(name = "current_step")
    public String currentStep;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;
}
