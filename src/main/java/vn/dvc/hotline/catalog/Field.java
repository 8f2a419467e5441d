package vn.dvc.hotline.catalog;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field of administration (lĩnh vực), e.g. Hộ tịch. */
@Entity
@Table(name = "field")
public class Field {
    @Id
    public String code;
    public String name;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
