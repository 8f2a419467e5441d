package vn.dvc.hotline.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.ColumnTransformer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An administrative procedure (thủ tục hành chính), keyed by its national code (mã TTHC). */
@Entity
@Table(name = "procedure")
public class Procedure {
    @Id
    public String code;
    public String name;
    @Column(name = "field_code")
    public String fieldCode;
    @Column(name = "agency_code")
    public String agencyCode;
    public String level;
    @Enumerated(EnumType.STRING)
    @Column(name = "on_the_spot")
    public OnTheSpot onTheSpot = OnTheSpot.NONE;
    @Column(name = "processing_time")
    public String processingTime;
    @Column(name = "processing_days")
    public Integer processingDays;
    public String fees;
    @Convert(converter = JsonColumn.Documents.class)
    @ColumnTransformer(read = "documents::text", write = "?::text::jsonb")
    public List<ProcedureDocument> documents = new ArrayList<>();
    @Convert(converter = JsonColumn.Texts.class)
    @ColumnTransformer(read = "steps::text", write = "?::text::jsonb")
    public List<String> steps = new ArrayList<>();
    @Column(name = "where_to_submit")
    public String whereToSubmit;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "spoken_summary")
    public String spokenSummary;
    @Column(name = "keypad_number")
    public String keypadNumber;
    @Column(name = "search_text")
    public String searchText;
    @Column(name = "search_name")
    public String searchName;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;

    /** Keeps the folded search columns in step with the text they index. */
    @PrePersist
    @PreUpdate
    void refreshSearchColumns() {
        searchName = SearchText.fold(name);
        searchText = SearchText.fold(String.join(" ", code, name, fieldCode,
                agencyCode == null ? "" : agencyCode, keypadNumber == null ? "" : keypadNumber));
        updatedAt = OffsetDateTime.now();
    }
}
