-- A call has at most one rating: the call recorder rewrites a call's row with every snapshot it stores, so the
-- rating is an upsert by call.
CREATE UNIQUE INDEX rating_call_idx ON rating (call_id);
-- Statistics read call records by time and procedures by popularity.
CREATE INDEX rating_procedure_idx ON rating (procedure_code);

-- Menus seeded before the voice services existed still say "đang được chuẩn bị" at the SERVICE nodes; the services now
-- play the node's prompt as their introduction. Replace those texts, and only where nobody has edited them since.
-- (The new texts are seed/menu.json's; this is a one-off fix of rows seeded from the old file.)
UPDATE menu_node SET prompt_text = 'Thông tin thủ tục hành chính. Mỗi thủ tục có một số riêng để tra cứu qua tổng đài, được ghi trên Cổng dịch vụ công và tại nơi tiếp nhận hồ sơ.', updated_at = now()
 WHERE key = 'procedures' AND kind = 'SERVICE' AND prompt_text = 'Dịch vụ thông tin thủ tục hành chính qua tổng đài đang được chuẩn bị. Trong thời gian này, quý vị vui lòng tra cứu thủ tục trên Cổng dịch vụ công. Sau đây, tổng đài xin đưa quý vị trở lại mục chính.';
UPDATE menu_node SET prompt_text = 'Tra cứu tình trạng hồ sơ. Quý vị cần mã hồ sơ ghi trên giấy tiếp nhận và bốn số cuối của số điện thoại người nộp hồ sơ.', updated_at = now()
 WHERE key = 'dossier' AND kind = 'SERVICE' AND prompt_text = 'Dịch vụ tra cứu tình trạng hồ sơ qua tổng đài đang được chuẩn bị. Trong thời gian này, quý vị vui lòng tra cứu bằng mã hồ sơ trên Cổng dịch vụ công. Sau đây, tổng đài xin đưa quý vị trở lại mục chính.';
UPDATE menu_node SET prompt_text = 'Giờ làm việc và địa chỉ tiếp nhận hồ sơ.', updated_at = now()
 WHERE key = 'hours' AND kind = 'SERVICE' AND prompt_text = 'Thông tin giờ làm việc và địa chỉ tiếp nhận hồ sơ qua tổng đài đang được chuẩn bị. Trong thời gian này, quý vị vui lòng xem thông tin trên Cổng dịch vụ công. Sau đây, tổng đài xin đưa quý vị trở lại mục chính.';
UPDATE menu_node SET prompt_text = 'Xin quý vị dành ít giây đánh giá chất lượng phục vụ của tổng đài.', updated_at = now()
 WHERE key = 'rating' AND kind = 'SERVICE' AND prompt_text = 'Chức năng đánh giá chất lượng phục vụ qua tổng đài đang được chuẩn bị. Xin cảm ơn quý vị đã quan tâm. Sau đây, tổng đài xin đưa quý vị trở lại mục chính.';
