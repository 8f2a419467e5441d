package vn.dvc.hotline.catalog;

/**
 * Whether a procedure is handled "tại chỗ": received, appraised, approved and returned at the counter (FOUR, "4 tại
 * chỗ"), additionally with the result handed over on the spot by the approving official (FIVE, "5 tại chỗ"), or not
 * (NONE).
 */
public enum OnTheSpot {
    NONE,
    FOUR,
    FIVE
}
