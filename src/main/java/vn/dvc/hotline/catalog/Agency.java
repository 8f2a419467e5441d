package vn.dvc.hotline.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
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
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "opening_hours")
    public List<OpeningHours> openingHours = new ArrayList<>();
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
