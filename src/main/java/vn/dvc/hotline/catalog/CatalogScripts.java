package vn.dvc.hotline.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dvc.hotline.ivr.ProcedureInfoService;

/**
 * What the hotline says about the catalogue: the Vietnamese texts of the prompts {@code procedure.{code}} (spoken
 * summary), {@code procedure.{code}.documents} (every required document), {@code procedure.{code}.where} (where to
 * submit, the agency's address and hours) and {@code agency.{code}} (an agency's name, address, hours and phone).
 *
 * <p>The texts are written the way an editor writes them (digits, "8.000 đồng/bản", "7 giờ 30"); the speech
 * normaliser turns them into words at synthesis, so the preview endpoint shows exactly what callers hear. A summary
 * the editor wrote ({@link Procedure#spokenSummary}) is used as written; otherwise one is generated from the
 * structured data: the on-the-spot mode, the main documents, the fee, the processing time and where to submit, each
 * cut to its first clause, because a caller hears the summary once and can ask for the details (keys 2 and 3).
 *
 * <p>Pure functions of their arguments: no I/O, no shared state, safe on any thread.
 */
public final class CatalogScripts {

    /** Prompt key prefix of a procedure's texts. */
    public static final String PROCEDURE_PREFIX = "procedure.";
    /** Prompt key prefix of an agency's text. */
    public static final String AGENCY_PREFIX = "agency.";
    /** The summary's documents sentence names at most this many documents. */
    static final int MAIN_DOCUMENTS = 3;
    /** A document name in the summary is cut at a comma after this many words. */
    private static final int SHORT_NAME_WORDS = 14;
    /** ...but never to fewer words than this ("Giấy tờ, tài liệu chứng minh…" stays whole). */
    private static final int MIN_SHORT_NAME_WORDS = 6;

    private static final Pattern CLAUSE_END = Pattern.compile(";|\\.(?=\\s|$)");
    /** Where a document's name ends and its explanation starts. */
    private static final Pattern NAME_END = Pattern.compile(";|:|\\s\\(|,\\s(?:nếu|chỉ|trừ|kể cả|trường hợp|đối với)\\s");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…]$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");
    private static final String[] DAY_NAMES = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy",
        "Chủ nhật"};
    private static final String[] ORDINALS = {"Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu",
        "Thứ bảy", "Thứ tám", "Thứ chín", "Thứ mười"};

    private CatalogScripts() {
    }

    // The keys are the ones the voice service plays: one definition, in ProcedureInfoService.

    /** @return the key of a procedure's spoken summary */
    public static String summaryKey(String procedureCode) {
        return ProcedureInfoService.summaryKey(procedureCode);
    }

    /** @return the key of a procedure's list of documents */
    public static String documentsKey(String procedureCode) {
        return ProcedureInfoService.documentsKey(procedureCode);
    }

    /** @return the key of where a procedure's dossier is submitted, with the agency's hours */
    public static String whereKey(String procedureCode) {
        return ProcedureInfoService.whereKey(procedureCode);
    }

    /** @return the key of an agency's name, address and hours */
    public static String agencyKey(String agencyCode) {
        return AGENCY_PREFIX + agencyCode;
    }

    /** @return whether a prompt key belongs to the catalogue's families (and so is public data) */
    public static boolean isCatalogueKey(String key) {
        return key != null && (key.startsWith(PROCEDURE_PREFIX) || key.startsWith(AGENCY_PREFIX));
    }

    /**
     * Every catalogue prompt: key → text.
     *
     * @param procedures every procedure
     * @param agencies   every agency, by code (procedures refer to them)
     */
    public static Map<String, String> all(Collection<Procedure> procedures, Map<String, Agency> agencies) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Procedure procedure : procedures) {
            Agency agency = procedure.agencyCode == null ? null : agencies.get(procedure.agencyCode);
            texts.put(summaryKey(procedure.code), summary(procedure, agency));
            texts.put(documentsKey(procedure.code), documents(procedure));
            texts.put(whereKey(procedure.code), where(procedure, agency));
        }
        for (Agency agency : agencies.values()) {
            texts.put(agencyKey(agency.code), agency(agency));
        }
        return texts;
    }

    /**
     * The spoken summary: the editor's, or one generated from the data.
     *
     * @param agency the procedure's agency, or null if it has none
     */
    public static String summary(Procedure procedure, Agency agency) {
        if (procedure.spokenSummary != null && !procedure.spokenSummary.isBlank()) {
            return clean(procedure.spokenSummary);
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(sentence(procedure.name));
        switch (procedure.onTheSpot == null ? OnTheSpot.NONE : procedure.onTheSpot) {
            case FOUR -> sentences.add("Thủ tục này thực hiện theo cơ chế 4 tại chỗ: tiếp nhận, thẩm định, phê duyệt"
                    + " và trả kết quả ngay tại nơi nộp hồ sơ.");
            case FIVE -> sentences.add("Thủ tục này thực hiện theo cơ chế 5 tại chỗ: tiếp nhận, thẩm định, phê duyệt,"
                    + " đóng dấu và trả kết quả ngay tại nơi nộp hồ sơ.");
            default -> {
            }
        }
        String documents = mainDocuments(procedure.documents);
        if (documents != null) {
            sentences.add(documents);
        }
        String fee = firstClause(procedure.fees);
        if (fee != null) {
            sentences.add(sentence(Character.isDigit(fee.charAt(0)) ? "Lệ phí: " + fee : fee));
        }
        String time = processingTime(procedure);
        if (time != null) {
            sentences.add(sentence("Thời gian giải quyết: " + lowerFirst(time)));
        }
        String place = firstClause(procedure.whereToSubmit);
        if (place != null) {
            sentences.add(sentence("Nơi nộp hồ sơ: " + place));
        } else if (agency != null && agency.name != null) {
            sentences.add(sentence("Nơi nộp hồ sơ: " + clean(agency.name)));
        }
        return String.join(" ", sentences);
    }

    /** Every required document, numbered, with its copies and form. */
    public static String documents(Procedure procedure) {
        List<ProcedureDocument> documents = procedure.documents == null ? List.of() : procedure.documents;
        String name = clean(procedure.name);
        if (documents.isEmpty()) {
            return sentence("Hệ thống chưa có danh sách giấy tờ của thủ tục " + name)
                    + " Quý vị vui lòng xem chi tiết trên Cổng dịch vụ công hoặc hỏi tại nơi nộp hồ sơ.";
        }
        StringBuilder text = new StringBuilder();
        text.append("Hồ sơ thủ tục ").append(name).append(" gồm ").append(documents.size())
                .append(documents.size() == 1 ? " giấy tờ." : " loại giấy tờ.");
        for (int i = 0; i < documents.size(); i++) {
            ProcedureDocument document = documents.get(i);
            if (document == null || document.name() == null || document.name().isBlank()) {
                continue;
            }
            StringBuilder item = new StringBuilder();
            item.append(documents.size() == 1 ? "Đó là" : i < ORDINALS.length ? ORDINALS[i] : "Tiếp theo")
                    .append(": ").append(lowerFirst(stripEnd(clean(document.name()))));
            if (document.form() != null && !document.form().isBlank()) {
                String form = lowerFirst(stripEnd(clean(document.form())));
                boolean namesAForm = item.toString().endsWith(" mẫu");
                if (namesAForm && form.startsWith("mẫu ")) {
                    // "tờ khai … theo mẫu" + "Mẫu ban hành kèm theo …": said once.
                    item.append(form.substring("mẫu".length()));
                } else {
                    item.append(", ").append(form.startsWith("mẫu") ? form : "theo " + form);
                }
            }
            if (document.copies() != null && document.copies() > 1) {
                item.append(", ").append(document.copies()).append(" bản");
            }
            text.append(' ').append(sentence(item.toString()));
        }
        return text.toString();
    }

    /**
     * Where to submit, then the agency's name, address and hours.
     *
     * @param agency the procedure's agency, or null if it has none
     */
    public static String where(Procedure procedure, Agency agency) {
        List<String> sentences = new ArrayList<>();
        String name = clean(procedure.name);
        if (procedure.whereToSubmit != null && !procedure.whereToSubmit.isBlank()) {
            sentences.add(sentence("Nơi nộp hồ sơ thủ tục " + name + ": " + lowerFirstIfCommon(clean(
                    procedure.whereToSubmit))));
        }
        if (agency != null) {
            sentences.add(sentence("Cơ quan tiếp nhận: " + clean(agency.name)));
            sentences.addAll(agencyDetails(agency));
        }
        if (sentences.isEmpty()) {
            sentences.add(sentence("Hệ thống chưa có thông tin nơi nộp hồ sơ thủ tục " + name)
                    + " Quý vị vui lòng xem chi tiết trên Cổng dịch vụ công.");
        }
        return String.join(" ", sentences);
    }

    /** An agency: name, address, hours, phone. */
    public static String agency(Agency agency) {
        List<String> sentences = new ArrayList<>();
        sentences.add(sentence(clean(agency.name)));
        sentences.addAll(agencyDetails(agency));
        return String.join(" ", sentences);
    }

    /**
     * Opening hours as a listener expects them: days with the same hours together, morning and afternoon named, the
     * closed days said: "Từ thứ Hai đến thứ Sáu: buổi sáng từ 7 giờ đến 11 giờ 30, buổi chiều từ 13 giờ đến 17 giờ.
     * Thứ Bảy: buổi sáng từ 7 giờ 30 đến 11 giờ 30. Nghỉ Chủ nhật và các ngày lễ, Tết."
     *
     * @return the sentences, or null if there are no periods
     */
    public static String openingHours(List<OpeningHours> periods) {
        if (periods == null || periods.isEmpty()) {
            return null;
        }
        // Days with exactly the same periods share one sentence, in the order of their first day.
        Map<DayOfWeek, List<OpeningHours>> byDay = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> periodsOfDay = new ArrayList<>();
            for (OpeningHours period : periods) {
                if (period != null && period.days() != null && period.days().contains(day) && period.open() != null
                        && period.close() != null) {
                    periodsOfDay.add(period);
                }
            }
            periodsOfDay.sort((a, b) -> a.open().compareTo(b.open()));
            if (!periodsOfDay.isEmpty()) {
                byDay.put(day, periodsOfDay);
            }
        }
        if (byDay.isEmpty()) {
            return null;
        }
        Map<String, Set<DayOfWeek>> groups = new LinkedHashMap<>();
        for (Map.Entry<DayOfWeek, List<OpeningHours>> day : byDay.entrySet()) {
            String hours = periodsOfDay(day.getValue());
            groups.computeIfAbsent(hours, h -> new TreeSet<>()).add(day.getKey());
        }
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<String, Set<DayOfWeek>> group : groups.entrySet()) {
            sentences.add(upperFirst(days(group.getValue())) + ": " + group.getKey() + ".");
        }
        Set<DayOfWeek> closed = EnumSet.allOf(DayOfWeek.class);
        closed.removeAll(byDay.keySet());
        sentences.add(closed.isEmpty() ? "Nghỉ các ngày lễ, Tết."
                : "Nghỉ " + days(closed) + " và các ngày lễ, Tết.");
        return String.join(" ", sentences);
    }

    // ---- parts ------------------------------------------------------------------------------------

    private static List<String> agencyDetails(Agency agency) {
        List<String> sentences = new ArrayList<>();
        if (agency.address != null && !agency.address.isBlank()) {
            sentences.add(sentence("Địa chỉ: " + clean(agency.address)));
        }
        String hours = openingHours(agency.openingHours);
        if (hours != null) {
            sentences.add("Giờ làm việc " + hours.substring(0, 1).toLowerCase(Locale.ROOT) + hours.substring(1));
        } else if (agency.workingHours != null && !agency.workingHours.isBlank()) {
            sentences.add(sentence("Giờ làm việc: " + lowerFirstIfCommon(clean(agency.workingHours))));
        }
        if (agency.phone != null && !agency.phone.isBlank()) {
            sentences.add(sentence("Số điện thoại: " + clean(agency.phone)));
        }
        return sentences;
    }

    /** "Hồ sơ gồm 4 loại giấy tờ, chủ yếu là: A, B và C." with the documents' names cut short. */
    private static String mainDocuments(List<ProcedureDocument> documents) {
        List<String> names = new ArrayList<>();
        if (documents != null) {
            for (ProcedureDocument document : documents) {
                if (document != null && document.name() != null && !document.name().isBlank()) {
                    names.add(lowerFirst(shortName(document.name())));
                }
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        if (names.size() == 1) {
            return sentence("Hồ sơ gồm " + names.get(0));
        }
        boolean all = names.size() <= MAIN_DOCUMENTS;
        List<String> spoken = all ? names : names.subList(0, MAIN_DOCUMENTS);
        String list = String.join(", ", spoken.subList(0, spoken.size() - 1)) + " và " + spoken.get(spoken.size() - 1);
        return sentence(all ? "Hồ sơ gồm " + names.size() + " loại giấy tờ: " + list
                : "Hồ sơ gồm " + names.size() + " loại giấy tờ, chủ yếu là: " + list);
    }

    /** A document's name without its explanation: "Giấy tờ tùy thân của người yêu cầu: căn cước…" → the first part. */
    static String shortName(String name) {
        String text = clean(name);
        Matcher end = NAME_END.matcher(text);
        if (end.find() && end.start() > 0) {
            text = text.substring(0, end.start());
        }
        text = PARENTHESES.matcher(text).replaceAll("");
        String[] words = text.split(" ");
        if (words.length > SHORT_NAME_WORDS) {
            int comma = text.lastIndexOf(',', indexOfWord(text, SHORT_NAME_WORDS));
            if (comma > indexOfWord(text, MIN_SHORT_NAME_WORDS)) {
                text = text.substring(0, comma);
            }
        }
        return stripEnd(text);
    }

    private static String processingTime(Procedure procedure) {
        String written = firstClause(procedure.processingTime);
        if (written != null) {
            return written;
        }
        if (procedure.processingDays == null) {
            return null;
        }
        return procedure.processingDays == 0 ? "ngay trong ngày" : procedure.processingDays + " ngày làm việc";
    }

    private static String periodsOfDay(List<OpeningHours> periods) {
        List<String> parts = new ArrayList<>();
        for (OpeningHours period : periods) {
            parts.add(partOfDay(period.open()) + " từ " + clock(period.open()) + " đến " + clock(period.close()));
        }
        return String.join(", ", parts);
    }

    private static String partOfDay(LocalTime open) {
        if (open.getHour() < 12) {
            return "buổi sáng";
        }
        return open.getHour() < 18 ? "buổi chiều" : "buổi tối";
    }

    /** "7 giờ", "11 giờ 30": how opening hours are written and read in Vietnamese notices. */
    private static String clock(LocalTime time) {
        return time.getMinute() == 0 ? time.getHour() + " giờ"
                : time.getHour() + " giờ " + String.format(Locale.ROOT, "%02d", time.getMinute());
    }

    /** "từ thứ Hai đến thứ Sáu", "thứ Bảy", "thứ Bảy và Chủ nhật", "thứ Hai, thứ Tư và thứ Sáu". */
    private static String days(Set<DayOfWeek> days) {
        List<DayOfWeek> ordered = new ArrayList<>(new TreeSet<>(days));
        int first = ordered.get(0).getValue();
        int last = ordered.get(ordered.size() - 1).getValue();
        if (ordered.size() >= 3 && last - first + 1 == ordered.size()) {
            return "từ " + DAY_NAMES[first - 1] + " đến " + DAY_NAMES[last - 1];
        }
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : ordered) {
            names.add(DAY_NAMES[day.getValue() - 1]);
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " và " + names.get(names.size() - 1);
    }

    /** The first clause (up to ";" or the end of the first sentence), or null for no text. */
    static String firstClause(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = clean(text);
        Matcher end = CLAUSE_END.matcher(cleaned);
        String clause = end.find() && end.start() > 0 ? cleaned.substring(0, end.start()) : cleaned;
        int open = clause.lastIndexOf('(');
        if (open > clause.lastIndexOf(')')) {
            // The clause ended inside a parenthesis: the aside goes, the main clause stays.
            clause = clause.substring(0, open);
        }
        clause = stripEnd(clause);
        return clause.isEmpty() ? null : clause;
    }

    private static String clean(String text) {
        return text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ");
    }

    private static String stripEnd(String text) {
        return TRAILING_PUNCTUATION.matcher(text).replaceAll("");
    }

    private static String sentence(String text) {
        String cleaned = clean(text);
        if (cleaned.isEmpty()) {
            return cleaned;
        }
        String body = ENDS_SENTENCE.matcher(cleaned).find() ? cleaned : stripEnd(cleaned) + ".";
        return upperFirst(body);
    }

    /** Lower-cases a capitalised common word ("Tờ khai" → "tờ khai"), never an abbreviation ("UBND", "VNeID"). */
    private static String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        if (word.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Keeps the capital of names of bodies ("Ủy ban…", "Công an…", "Trung tâm…"); lower-cases other openings. */
    private static String lowerFirstIfCommon(String text) {
        for (String proper : List.of("Ủy ban", "Công an", "Trung tâm", "Phòng", "Sở", "Bộ phận", "Chi nhánh",
                "Văn phòng", "Cơ quan", "Cổng", "Bất kỳ Ủy ban")) {
            if (text.startsWith(proper)) {
                return text;
            }
        }
        return lowerFirst(text);
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int indexOfWord(String text, int word) {
        int at = 0;
        for (int i = 0; i < word && at >= 0; i++) {
            at = text.indexOf(' ', at + 1);
        }
        return at < 0 ? text.length() : at;
    }
}
