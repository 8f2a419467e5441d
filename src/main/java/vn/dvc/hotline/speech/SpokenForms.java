package vn.dvc.hotline.speech;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The spoken forms the voice services put into prompts, for one {@link Region}: numbers, dates,
 * times, amounts of money, working days and codes, already in words so that the synthesiser reads
 * them as a Vietnamese listener expects.
 *
 * <p>Use this when the value is known as a value (a due date from the database, a count of working
 * days); use {@link VietnameseTextNormalizer} for free text typed by staff.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpokenForms {

    private static final int LAST_EARLY_DAY = 10;

    private final Region region;
    private final VietnameseNumberReader numbers;

    /** Spoken forms with the conventions of {@code region}. */
    public SpokenForms(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        this.numbers = new VietnameseNumberReader(region);
    }

    /**
     * Spoken forms for an espeak-ng voice name ({@code vi}, {@code vi-vn-x-central},
     * {@code vi-vn-x-south}).
     *
     * @throws IllegalArgumentException if the voice is not a Vietnamese espeak-ng voice
     */
    public static SpokenForms forVoice(String voice) {
        return new SpokenForms(Region.forVoice(voice));
    }

    /** The region whose conventions these forms follow. */
    public Region region() {
        return region;
    }

    /** The number reader behind these forms. */
    public VietnameseNumberReader numbers() {
        return numbers;
    }

    /** {@code n} as a cardinal: 21 → "hai mươi mốt", 105 → "một trăm lẻ năm" (south). */
    public String cardinal(long n) {
        return numbers.cardinal(n);
    }

    /**
     * An ordinal after "thứ": 1 → "thứ nhất", 4 → "thứ tư", 2 → "thứ hai", 21 → "thứ hai mươi mốt".
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public String ordinal(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("An ordinal starts at 1, was " + n);
        }
        return "thứ " + ordinalNumber(n);
    }

    /** The number word of an ordinal without "thứ": 1 → "nhất", 4 → "tư", otherwise the cardinal. */
    String ordinalNumber(long n) {
        if (n == 1) {
            return "nhất";
        }
        if (n == 4) {
            return "tư";
        }
        return numbers.cardinal(n);
    }

    /**
     * Digits (and letters) one by one, in the groups the text shows, with a pause between groups:
     * "1900 86 68 95" → "một chín không không, tám sáu, sáu tám, chín năm". A long run with no
     * separator is cut into threes. Letters are spelled ("H29" → "hát hai chín").
     */
    public String digits(String text) {
        Objects.requireNonNull(text, "text");
        return CodeSpeller.spell(text);
    }

    /**
     * A date as a day of month, with "mùng"/"mồng" for days 1–10:
     * 2021-04-08 → "ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt" (south).
     */
    public String date(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return "ngày " + dayMonthYear(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** "mùng tám tháng tư năm …", the date without the leading "ngày". */
    String dayMonthYear(int day, int month, long year) {
        return day(day) + " " + month(month) + " năm " + numbers.cardinal(year);
    }

    /** "mùng tám tháng tư", a day of month without the year. */
    String dayMonth(int day, int month) {
        return day(day) + " " + month(month);
    }

    /** "mùng tám" for days 1–10, "hai mươi lăm" otherwise; the prefix follows the region. */
    String day(int day) {
        String number = numbers.cardinal(day);
        return day >= 1 && day <= LAST_EARLY_DAY ? region.earlyDayPrefix() + " " + number : number;
    }

    /**
     * "tháng tư" for April: the month after "tháng" is read as an ordinal-like name, so 4 is "tư";
     * January is "tháng một" (the official form; "tháng giêng" is lunar and colloquial).
     */
    String month(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1..12, was " + month);
        }
        return "tháng " + (month == 4 ? "tư" : numbers.cardinal(month));
    }

    /**
     * A time of day on the 24-hour clock, as written in official notices: 07:30 → "bảy giờ ba mươi
     * phút", 14:00 → "mười bốn giờ". Seconds are not spoken.
     */
    public String time(LocalTime time) {
        Objects.requireNonNull(time, "time");
        return hoursMinutes(time.getHour(), time.getMinute());
    }

    /** "bảy giờ ba mươi phút"; "phút" is said only when there are minutes. */
    String hoursMinutes(int hours, int minutes) {
        String spoken = numbers.cardinal(hours) + " giờ";
        return minutes == 0 ? spoken : spoken + " " + numbers.cardinal(minutes) + " phút";
    }

    /**
     * A count of working days without a verb, so that callers can say "còn …", "trong …":
     * 3 → "ba ngày làm việc".
     *
     * @throws IllegalArgumentException if {@code days < 0}
     */
    public String workingDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative, was " + days);
        }
        return numbers.cardinal(days) + " ngày làm việc";
    }

    /** An amount in đồng: 15000 → "mười lăm ngàn đồng" (south), "mười lăm nghìn đồng" (north). */
    public String money(long dong) {
        return numbers.cardinal(dong) + " đồng";
    }
}
