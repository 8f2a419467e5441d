package vn.dvc.hotline.ivr;

/** The sixteen DTMF symbols as the media layer reports them: {@code 0-9 * # A B C D}. */
final class DtmfKeys {

    private DtmfKeys() {
    }

    static boolean isDtmf(char key) {
        return (key >= '0' && key <= '9') || key == '*' || key == '#' || (key >= 'A' && key <= 'D');
    }

    static char requireDtmf(char key) {
        if (!isDtmf(key)) {
            throw new IllegalArgumentException("not a DTMF key: '" + key + "' (expected 0-9, *, #, A-D)");
        }
        return key;
    }
}
