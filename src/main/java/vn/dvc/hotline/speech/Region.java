package vn.dvc.hotline.speech;

import java.util.Locale;

/**
 * The regional conventions a Vietnamese listener expects when numbers and dates are read aloud.
 *
 * <p>Vietnamese number words differ by region in a few well-known places. The hotline follows the
 * voice it speaks with, so a southern voice never says "nghìn" and a northern voice never says
 * "ngàn". The choices, and why:
 *
 * <table>
 *   <caption>Regional choices</caption>
 *   <tr><th>choice</th><th>NORTH</th><th>CENTRAL</th><th>SOUTH</th></tr>
 *   <tr><td>1000</td><td>nghìn</td><td>ngàn</td><td>ngàn</td></tr>
 *   <tr><td>zero tens (105)</td><td>linh</td><td>lẻ</td><td>lẻ</td></tr>
 *   <tr><td>4 after "mươi" (24)</td><td>tư</td><td>tư</td><td>tư</td></tr>
 *   <tr><td>days 1–10 of a month</td><td>mồng</td><td>mùng</td><td>mùng</td></tr>
 * </table>
 *
 * <ul>
 *   <li>"nghìn"/"linh" is the Hanoi norm used by northern broadcasters; "ngàn"/"lẻ" is what speakers
 *       from Huế southwards say. The line between the two runs through the central provinces; the
 *       espeak-ng central voice models Huế-type speech, so CENTRAL takes the southern words.</li>
 *   <li>"hai mươi tư" (24) is usual in all three regions (dictionaries list it as the ordinary
 *       reading); "tư" is used only in the units place after "mươi", never after "mười" (14 is
 *       "mười bốn") or "linh"/"lẻ" (104 is "một trăm linh bốn"). It is a per-region field so a
 *       deployment that prefers "bốn" changes one constant.</li>
 *   <li>"mồng" is the northern and "mùng" the central/southern spelling of the day-of-month prefix;
 *       both are standard, each sounds foreign in the other region.</li>
 * </ul>
 *
 * <p>Not regional here, on purpose: "mốt" (21), "lăm" (15, 25) and "tháng tư" are used everywhere;
 * the northern colloquial "nhăm" (25 as "hai nhăm") is too informal for an official hotline.
 *
 * <p>Immutable and thread-safe.
 */
public enum Region {
    /** Hà Nội speech; espeak-ng voice {@code vi}. */
    NORTH("nghìn", "linh", "tư", "mồng"),
    /** Huế / Đà Nẵng speech; espeak-ng voice {@code vi-vn-x-central}. */
    CENTRAL("ngàn", "lẻ", "tư", "mùng"),
    /** Hồ Chí Minh City speech; espeak-ng voice {@code vi-vn-x-south}, the hotline's default. */
    SOUTH("ngàn", "lẻ", "tư", "mùng");

    /** espeak-ng voice name of the northern voice. */
    public static final String VOICE_NORTH = "vi";
    /** espeak-ng voice name of the central voice. */
    public static final String VOICE_CENTRAL = "vi-vn-x-central";
    /** espeak-ng voice name of the southern voice, the hotline's default. */
    public static final String VOICE_SOUTH = "vi-vn-x-south";

    private final String thousand;
    private final String zeroTens;
    private final String fourAfterTens;
    private final String earlyDayPrefix;

    Region(String thousand, String zeroTens, String fourAfterTens, String earlyDayPrefix) {
        this.thousand = thousand;
        this.zeroTens = zeroTens;
        this.fourAfterTens = fourAfterTens;
        this.earlyDayPrefix = earlyDayPrefix;
    }

    /** The word for 1000: "nghìn" or "ngàn". */
    public String thousand() {
        return thousand;
    }

    /** The word for an empty tens place before a units digit (105): "linh" or "lẻ". */
    public String zeroTens() {
        return zeroTens;
    }

    /** The word for 4 in the units place after "mươi" (24, 34 … 94). */
    public String fourAfterTens() {
        return fourAfterTens;
    }

    /** The word before days 1–10 of a month ("mồng tám", "mùng tám"). */
    public String earlyDayPrefix() {
        return earlyDayPrefix;
    }

    /** The espeak-ng voice that speaks with this region's accent. */
    public String voice() {
        switch (this) {
            case NORTH:
                return VOICE_NORTH;
            case CENTRAL:
                return VOICE_CENTRAL;
            default:
                return VOICE_SOUTH;
        }
    }

    /**
     * The region of an espeak-ng voice name. A variant suffix ({@code vi-vn-x-south+f3}) and letter
     * case are ignored, because the configured voice may carry one.
     *
     * @throws IllegalArgumentException if the voice is not one of the three Vietnamese voices
     */
    public static Region forVoice(String voice) {
        if (voice == null) {
            throw new IllegalArgumentException("voice must not be null; use one of "
                    + VOICE_NORTH + ", " + VOICE_CENTRAL + ", " + VOICE_SOUTH);
        }
        String name = voice.trim().toLowerCase(Locale.ROOT);
        int variant = name.indexOf('+');
        if (variant >= 0) {
            name = name.substring(0, variant);
        }
        switch (name) {
            case VOICE_NORTH:
                return NORTH;
            case VOICE_CENTRAL:
                return CENTRAL;
            case VOICE_SOUTH:
                return SOUTH;
            default:
                throw new IllegalArgumentException("Unknown espeak-ng voice '" + voice
                        + "'; use one of " + VOICE_NORTH + ", " + VOICE_CENTRAL + ", " + VOICE_SOUTH);
        }
    }
}
