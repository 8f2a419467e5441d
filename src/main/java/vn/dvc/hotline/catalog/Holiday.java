package vn.dvc.hotline.catalog;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A public holiday or compensatory day off on which offices are closed and no working day is counted. */
@Entity
@Table(name = "holiday")
public class Holiday {
    @Id
    public LocalDate day;
    public String name;
}
