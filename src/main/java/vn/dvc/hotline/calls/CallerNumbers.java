package vn.dvc.hotline.calls;

/** How caller numbers are kept in call records: enough to recognise a trunk's pattern, not a person. */
final class CallerNumbers {

    private CallerNumbers() {
    }

    /** "0912345678" → "0912***678"; short or empty numbers keep only their length in stars. */
    static String mask(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String trimmed = number.trim();
        if (trimmed.length() <= 7) {
            return "*".repeat(trimmed.length());
        }
        return trimmed.substring(0, 4) + "*".repeat(trimmed.length() - 7) + trimmed.substring(trimmed.length() - 3);
    }
}
