package vn.dvc.hotline.portal;

import vn.dvc.hotline.catalog.InvalidEntryException;

/** A write names its entry twice, in the path and in the body; they must agree. */
final class PathAndBody {

    private PathAndBody() {
    }

    static void requireSameCode(String pathCode, String bodyCode) {
        if (!pathCode.equals(bodyCode)) {
            throw new InvalidEntryException("code", "must equal the code in the path (" + pathCode + ")");
        }
    }
}
