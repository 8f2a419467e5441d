package vn.dvc.hotline.speech;

import java.util.Map;

/**
 * The abbreviations of Vietnamese administrative text and their spoken expansions: the words a
 * caller would hear from a clerk reading the document aloud.
 *
 * <p>Only unambiguous abbreviations are listed. "TP", "Q.", "P.", "TX.", "TT." depend on what
 * follows and are handled by the normaliser; "CN" (Chủ nhật, chi nhánh, cá nhân…), "ĐT" (điện
 * thoại, đào tạo) and similar are deliberately absent and are left as written.
 *
 * <p>Immutable and thread-safe.
 */
final class DomainVocabulary {

    /** Stand-alone abbreviations, matched case-sensitively as whole words. */
    static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UBND", "Ủy ban nhân dân"),
            Map.entry("HĐND", "Hội đồng nhân dân"),
            Map.entry("TTHC", "thủ tục hành chính"),
            Map.entry("CCCD", "căn cước công dân"),
            Map.entry("CMND", "chứng minh nhân dân"),
            Map.entry("GPLX", "giấy phép lái xe"),
            Map.entry("GCN", "giấy chứng nhận"),
            Map.entry("QSDĐ", "quyền sử dụng đất"),
            Map.entry("BHXH", "bảo hiểm xã hội"),
            Map.entry("BHYT", "bảo hiểm y tế"),
            Map.entry("CSGT", "cảnh sát giao thông"),
            Map.entry("LLTP", "lý lịch tư pháp"),
            Map.entry("TNHH", "trách nhiệm hữu hạn"),
            Map.entry("MTV", "một thành viên"),
            Map.entry("MST", "mã số thuế"),
            Map.entry("ĐKKD", "đăng ký kinh doanh"),
            Map.entry("SĐT", "số điện thoại"),
            Map.entry("STT", "số thứ tự"),
            Map.entry("DVC", "dịch vụ công"),
            Map.entry("DVCTT", "dịch vụ công trực tuyến"),
            Map.entry("CSDL", "cơ sở dữ liệu"),
            Map.entry("CNTT", "công nghệ thông tin"),
            Map.entry("MTTQ", "Mặt trận Tổ quốc"),
            Map.entry("THPT", "trung học phổ thông"),
            Map.entry("THCS", "trung học cơ sở"),
            Map.entry("CHXHCN", "Cộng hòa xã hội chủ nghĩa"),
            Map.entry("HCM", "Hồ Chí Minh"),
            Map.entry("VN", "Việt Nam"),
            Map.entry("VNĐ", "Việt Nam đồng"),
            Map.entry("NĐ", "Nghị định"),
            Map.entry("QĐ", "Quyết định"),
            Map.entry("NQ", "Nghị quyết"),
            Map.entry("TN&MT", "Tài nguyên và Môi trường"),
            Map.entry("TNMT", "Tài nguyên và Môi trường"),
            Map.entry("KH&ĐT", "Kế hoạch và Đầu tư"),
            Map.entry("GD&ĐT", "Giáo dục và Đào tạo"),
            Map.entry("LĐ-TB&XH", "Lao động, Thương binh và Xã hội"),
            Map.entry("LĐTB&XH", "Lao động, Thương binh và Xã hội"),
            Map.entry("LĐTBXH", "Lao động, Thương binh và Xã hội"),
            Map.entry("GTVT", "Giao thông vận tải"),
            Map.entry("m2", "mét vuông"),
            Map.entry("m²", "mét vuông"),
            Map.entry("km2", "ki lô mét vuông"),
            Map.entry("km²", "ki lô mét vuông"));

    /** Units written after a number ("50 m2", "3 km"). */
    static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("km²", "ki lô mét vuông"),
            Map.entry("km2", "ki lô mét vuông"),
            Map.entry("km", "ki lô mét"),
            Map.entry("m²", "mét vuông"),
            Map.entry("m2", "mét vuông"),
            Map.entry("m³", "mét khối"),
            Map.entry("m3", "mét khối"),
            Map.entry("cm", "xăng ti mét"),
            Map.entry("mm", "mi li mét"),
            Map.entry("m", "mét"),
            Map.entry("kg", "ki lô gam"),
            Map.entry("ha", "héc ta"));

    /** Web address suffixes as Vietnamese speakers say them ("chấm gốp chấm vê en"). */
    static final Map<String, String> WEB_SUFFIXES = Map.of(
            "vn", "vê en",
            "gov", "gốp",
            "com", "com",
            "net", "nét",
            "org", "o rờ gờ");

    /** Kinds of legal document, as coded in a document number ("123/2015/NĐ-CP"). */
    static final Map<String, String> DOCUMENT_TYPES = Map.ofEntries(
            Map.entry("NĐ", "Nghị định"),
            Map.entry("TT", "Thông tư"),
            Map.entry("TTLT", "Thông tư liên tịch"),
            Map.entry("QĐ", "Quyết định"),
            Map.entry("NQ", "Nghị quyết"),
            Map.entry("NQLT", "Nghị quyết liên tịch"),
            Map.entry("CT", "Chỉ thị"),
            Map.entry("CV", "Công văn"),
            Map.entry("KH", "Kế hoạch"),
            Map.entry("TB", "Thông báo"),
            Map.entry("HD", "Hướng dẫn"));

    /** Issuing bodies, as coded after the dash of a document number. */
    static final Map<String, String> ISSUERS = Map.ofEntries(
            Map.entry("CP", "Chính phủ"),
            Map.entry("TTg", "Thủ tướng Chính phủ"),
            Map.entry("UBND", "Ủy ban nhân dân"),
            Map.entry("HĐND", "Hội đồng nhân dân"),
            Map.entry("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
            Map.entry("BTP", "Bộ Tư pháp"),
            Map.entry("BCA", "Bộ Công an"),
            Map.entry("BTC", "Bộ Tài chính"),
            Map.entry("BNV", "Bộ Nội vụ"),
            Map.entry("BYT", "Bộ Y tế"),
            Map.entry("BXD", "Bộ Xây dựng"),
            Map.entry("BQP", "Bộ Quốc phòng"),
            Map.entry("BCT", "Bộ Công Thương"),
            Map.entry("BGTVT", "Bộ Giao thông vận tải"),
            Map.entry("BTNMT", "Bộ Tài nguyên và Môi trường"),
            Map.entry("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
            Map.entry("BTTTT", "Bộ Thông tin và Truyền thông"),
            Map.entry("BGDĐT", "Bộ Giáo dục và Đào tạo"),
            Map.entry("BLĐTBXH", "Bộ Lao động, Thương binh và Xã hội"),
            Map.entry("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
            Map.entry("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
            Map.entry("BKHCN", "Bộ Khoa học và Công nghệ"),
            Map.entry("NHNN", "Ngân hàng Nhà nước"),
            Map.entry("VPCP", "Văn phòng Chính phủ"),
            Map.entry("BHXH", "Bảo hiểm xã hội Việt Nam"));

    private DomainVocabulary() {
    }
}
