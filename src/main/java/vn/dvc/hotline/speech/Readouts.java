package vn.dvc.hotline.speech;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.dvc.hotline.dossier.DossierStatus;

/**
 * Spoken values assembled from short prerecorded fragments, so that a busy hour reads numbers, dates and codes to
 * callers without one synthesis per call: {@link #fragments} lists every fragment's text once (the service prepares
 * them all at start), and the other methods turn a value into the list of fragment keys to play one after another.
 *
 * <p>Keys are the same in every {@link Region}; their texts follow the region ("ngàn"/"nghìn", "lẻ"/"linh",
 * "mùng"/"mồng"), so joining the texts of a value's keys gives exactly what {@link SpokenForms} writes for it.
 * Numbers 0–99, the days of the month and the months are whole fragments, because they are what a caller hears most
 * and what sounds worst when glued from single words.
 *
 * <p>Stateless and thread-safe; pure computation, safe on an event loop.
 */
public final class Readouts {

    /** Prefix of every fragment key. */
    public static final String PREFIX = "say.";
    /**
     * A short silence between groups of a read-back (a comma in the text would be trimmed away with the
     * synthesiser's silences). Not a text fragment: {@link PromptLibrary} answers it with silence.
     */
    public static final String PAUSE = "say.pause";

    private static final String NUMBER = "say.n.";
    private static final String DIGIT = "say.digit.";
    private static final String DAY = "say.day.";
    private static final String MONTH = "say.month.";
    private static final String STATUS = "say.status.";
    private static final String HUNDRED = "say.hundred";
    private static final String ZERO_TENS = "say.zero-tens";
    private static final String THOUSAND = "say.thousand";
    private static final String MILLION = "say.million";
    private static final String BILLION_WORD = "say.billion";
    private static final String DATE = "say.date";
    private static final String YEAR = "say.year";
    private static final String WORKING_DAYS = "say.working-days";

    /** "Hồ sơ còn … ngày làm việc nữa là đến hạn trả kết quả": before a count of working days. */
    public static final String DAYS_LEFT = "say.dossier.days-left";
    /** After the count of {@link #DAYS_LEFT}. */
    public static final String DAYS_LEFT_END = "say.dossier.days-left-end";
    /** The due date is today. */
    public static final String DUE_TODAY = "say.dossier.due-today";
    /** "Hồ sơ đã quá hạn": before a count of working days. */
    public static final String OVERDUE = "say.dossier.overdue";
    /** "Ngày hẹn trả kết quả là": before a date. */
    public static final String DUE_DATE = "say.dossier.due-date";
    /** "Bước đang xử lý là": before the current step's own clip. */
    public static final String CURRENT_STEP = "say.dossier.current-step";
    /** What to do when the dossier needs a supplement. */
    public static final String SUPPLEMENT_ADVICE = "say.dossier.supplement-advice";
    /** "Quý vị đã nhập mã hồ sơ": before the code read back. */
    public static final String CODE_ENTERED = "say.dossier.code-entered";
    /** "Số": before an item number in a spoken list. */
    public static final String ITEM = "say.item";
    /** The agency is in its opening hours now. */
    public static final String OPEN_NOW = "say.hours.open-now";
    /** The agency is closed now (outside its hours). */
    public static final String CLOSED_NOW = "say.hours.closed-now";
    /** Today is a public holiday: closed all day. */
    public static final String HOLIDAY_TODAY = "say.hours.holiday-today";

    private static final long BILLION = 1_000_000_000L;
    /** Longest digit run read without a break, as {@link CodeSpeller} cuts codes. */
    private static final int LONGEST_UNCUT_RUN = 4;
    private static final int PIECE = 3;

    private Readouts() {
    }

    /**
     * Every fragment and its text in {@code region}: what the service prepares at start and the shipped-audio
     * renderer renders.
     */
    public static Map<String, String> fragments(Region region) {
        Objects.requireNonNull(region, "region");
        SpokenForms forms = new SpokenForms(region);
        VietnameseNumberReader numbers = forms.numbers();
        Map<String, String> texts = new LinkedHashMap<>();
        for (int n = 0; n <= 99; n++) {
            texts.put(NUMBER + n, numbers.cardinal(n));
        }
        for (int digit = 0; digit <= 9; digit++) {
            texts.put(DIGIT + digit, VietnameseNumberReader.digitWord(digit));
        }
        texts.put(HUNDRED, "trăm");
        texts.put(ZERO_TENS, region.zeroTens());
        texts.put(THOUSAND, region.thousand());
        texts.put(MILLION, "triệu");
        texts.put(BILLION_WORD, "tỷ");
        texts.put(DATE, "ngày");
        for (int day = 1; day <= 31; day++) {
            texts.put(DAY + day, forms.day(day));
        }
        for (int month = 1; month <= 12; month++) {
            texts.put(MONTH + month, forms.month(month));
        }
        texts.put(YEAR, "năm");
        texts.put(WORKING_DAYS, "ngày làm việc");
        for (DossierStatus status : DossierStatus.values()) {
            texts.put(STATUS + status.name(), statusSentence(status));
        }
        texts.put(DAYS_LEFT, "Hồ sơ còn");
        texts.put(DAYS_LEFT_END, "nữa là đến hạn trả kết quả.");
        texts.put(DUE_TODAY, "Hôm nay là ngày hẹn trả kết quả của hồ sơ.");
        texts.put(OVERDUE, "Hồ sơ đã quá hạn giải quyết");
        texts.put(DUE_DATE, "Ngày hẹn trả kết quả là");
        texts.put(CURRENT_STEP, "Bước đang xử lý là");
        texts.put(SUPPLEMENT_ADVICE, "Quý vị vui lòng liên hệ bộ phận tiếp nhận nơi đã nộp hồ sơ, hoặc xem thông báo"
                + " trên Cổng dịch vụ công, để biết các giấy tờ cần bổ sung, rồi nộp bổ sung trong thời hạn được"
                + " thông báo.");
        texts.put(CODE_ENTERED, "Quý vị đã nhập mã hồ sơ");
        texts.put(ITEM, "Số");
        texts.put(OPEN_NOW, "Hiện tại đang trong giờ làm việc.");
        texts.put(CLOSED_NOW, "Hiện tại đã ngoài giờ làm việc.");
        texts.put(HOLIDAY_TODAY, "Hôm nay là ngày nghỉ lễ, cơ quan không làm việc.");
        return texts;
    }

    /** The fragment saying a dossier's status as a sentence. */
    public static String statusKey(DossierStatus status) {
        return STATUS + Objects.requireNonNull(status, "status").name();
    }

    /**
     * A cardinal number, e.g. 2026 → [say.n.2, say.thousand, say.n.0, say.hundred, say.n.26]: "hai ngàn không trăm
     * hai mươi sáu", by the rules of {@link VietnameseNumberReader}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static List<String> number(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("only counts and dates are read out, not negative numbers: " + n);
        }
        List<String> keys = new ArrayList<>();
        if (n == 0) {
            keys.add(NUMBER + 0);
        } else {
            appendNumber(keys, n, false);
        }
        return keys;
    }

    /** Each digit as a word, with no grouping: "105" → [say.digit.1, say.digit.0, say.digit.5]. */
    public static List<String> digits(String digits) {
        requireDigits(digits);
        List<String> keys = new ArrayList<>(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            keys.add(DIGIT + digits.charAt(i));
        }
        return keys;
    }

    /** {@link #digitGroups} flattened for playing, with a {@link #PAUSE} between the groups. */
    public static List<String> digitGroupsWithPauses(String digits) {
        List<String> keys = new ArrayList<>();
        for (List<String> group : digitGroups(digits)) {
            if (!keys.isEmpty()) {
                keys.add(PAUSE);
            }
            keys.addAll(group);
        }
        return keys;
    }

    /**
     * A digit code cut into the groups a listener can hold, as {@link CodeSpeller} cuts long runs: up to four digits
     * in one group, otherwise threes, a last piece of one digit joining the group before. Each group is a list of
     * digit keys; the player reads the groups one after the other.
     */
    public static List<List<String>> digitGroups(String digits) {
        requireDigits(digits);
        List<List<String>> groups = new ArrayList<>();
        if (digits.length() <= LONGEST_UNCUT_RUN) {
            groups.add(digits(digits));
            return groups;
        }
        int start = 0;
        while (start < digits.length()) {
            int end = Math.min(start + PIECE, digits.length());
            if (digits.length() - end == 1) {
                end = digits.length();
            }
            groups.add(digits(digits.substring(start, end)));
            start = end;
        }
        return groups;
    }

    /** A date, e.g. 2026-04-08 → "ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi sáu". */
    public static List<String> date(LocalDate date) {
        Objects.requireNonNull(date, "date");
        List<String> keys = new ArrayList<>();
        keys.add(DATE);
        keys.add(DAY + date.getDayOfMonth());
        keys.add(MONTH + date.getMonthValue());
        keys.add(YEAR);
        keys.addAll(number(date.getYear()));
        return keys;
    }

    /** A count of working days, e.g. 3 → "ba ngày làm việc". */
    public static List<String> workingDays(int days) {
        List<String> keys = new ArrayList<>(number(days));
        keys.add(WORKING_DAYS);
        return keys;
    }

    /**
     * How the due date stands, as the phone says it: "Hồ sơ còn N ngày làm việc nữa là đến hạn trả kết quả.",
     * "Hôm nay là ngày hẹn trả kết quả…", or "Hồ sơ đã quá hạn giải quyết N ngày làm việc".
     *
     * @param workingDaysLeft    working days until the due date, or null
     * @param workingDaysOverdue working days past it, or null
     * @return empty when neither is known (no due date, or the work is over)
     */
    public static List<String> deadline(Integer workingDaysLeft, Integer workingDaysOverdue) {
        List<String> keys = new ArrayList<>();
        if (workingDaysOverdue != null && workingDaysOverdue > 0) {
            keys.add(OVERDUE);
            keys.addAll(workingDays(workingDaysOverdue));
        } else if (workingDaysLeft != null && workingDaysLeft > 0) {
            keys.add(DAYS_LEFT);
            keys.addAll(workingDays(workingDaysLeft));
            keys.add(DAYS_LEFT_END);
        } else if (workingDaysLeft != null) {
            keys.add(DUE_TODAY);
        }
        return keys;
    }

    /** @return the texts of {@code keys} in {@code region} joined by spaces: what the caller hears, in writing */
    public static String text(List<String> keys, Region region) {
        Map<String, String> texts = fragments(region);
        List<String> words = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (PAUSE.equals(key)) {
                words.set(words.size() - 1, words.get(words.size() - 1) + ",");
                continue;
            }
            String text = texts.get(key);
            if (text == null) {
                throw new IllegalArgumentException("not a fragment key: " + key);
            }
            words.add(text);
        }
        return String.join(" ", words);
    }

    static String statusSentence(DossierStatus status) {
        switch (status) {
            case RECEIVED:
                return "Hồ sơ đã được tiếp nhận và đang chờ xử lý.";
            case PROCESSING:
                return "Hồ sơ đang được giải quyết.";
            case NEEDS_SUPPLEMENT:
                return "Hồ sơ cần được bổ sung giấy tờ.";
            case COMPLETED:
                return "Hồ sơ đã có kết quả, quý vị có thể đến nhận kết quả.";
            case REJECTED:
                return "Hồ sơ đã bị từ chối giải quyết. Lý do được ghi trong thông báo gửi quý vị.";
            case RETURNED:
                return "Hồ sơ đã được trả kết quả.";
            case CANCELLED:
                return "Hồ sơ đã bị hủy.";
            default:
                throw new IllegalArgumentException("unknown status " + status);
        }
    }

    /** Mirrors {@link VietnameseNumberReader}'s groups, with whole fragments for 0–99. */
    private static void appendNumber(List<String> keys, long n, boolean full) {
        long billions = n / BILLION;
        long rest = n % BILLION;
        boolean spoken = full;
        if (billions > 0) {
            appendNumber(keys, billions, full);
            keys.add(BILLION_WORD);
            spoken = true;
        }
        int[] groups = {(int) (rest / 1_000_000), (int) (rest / 1000 % 1000), (int) (rest % 1000)};
        String[] scales = {MILLION, THOUSAND, null};
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == 0) {
                continue;
            }
            appendGroup(keys, groups[i], spoken);
            if (scales[i] != null) {
                keys.add(scales[i]);
            }
            spoken = true;
        }
    }

    private static void appendGroup(List<String> keys, int group, boolean full) {
        int hundreds = group / 100;
        int belowHundred = group % 100;
        boolean withHundreds = hundreds > 0 || full;
        if (withHundreds) {
            keys.add(NUMBER + hundreds);
            keys.add(HUNDRED);
        }
        if (belowHundred == 0) {
            return;
        }
        if (belowHundred < 10 && withHundreds) {
            keys.add(ZERO_TENS);
        }
        keys.add(NUMBER + belowHundred);
    }

    private static void requireDigits(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected decimal digits, got " + digits);
        }
    }
}
