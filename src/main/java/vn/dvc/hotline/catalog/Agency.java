package vn.dvc.hotline.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.ColumnTransformer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency that receives dossiers, with its address and when it is open. */
@Entity
@Table(name = "agency")
public class Agency {
    @Id
    public String code;
    public String name;
    public String address;
    public String phone;
    public String email;
    @Column(name = "working_hours")
    public String workingHours;
    @Convert(converter = JsonColumn.Hours.class)
    @ColumnTransformer(read = "opening_hours::text", write = "?::text::jsonb")
    @Column(name = "opening_hours")
    public List<OpeningHours> openingHours = new ArrayList<>();
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
