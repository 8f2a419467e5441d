package vn.dvc.hotline.dossier;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a dossier's history: the status and step it reached, and when. */
@Entity
@Table(name = "dossier_status_change")
public class DossierStatusChange {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "dossier_code")
    public String dossierCode;
    @Enumerated(EnumType.STRING)
    public DossierStatus status;
    @Column(name = "current_step")
    public String currentStep;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
