-- The movement's shared vocabulary (C4–C9): forces, activity types, topics, model fields, dispute
-- types, award forms, group kinds. Codes are what records and reports store; labels are for people
-- and can be edited; admins may add codes. A code is never deleted, only deactivated, so old
-- records keep their meaning.
CREATE TABLE catalog_items (
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (kind, code)
);

INSERT INTO catalog_items (kind, code, label, label_en, sort_order) VALUES
  ('forces', 'police', 'Công an', 'Police', 10),
  ('forces', 'front', 'Mặt trận Tổ quốc', 'Fatherland Front', 20),
  ('forces', 'women_union', 'Hội Liên hiệp Phụ nữ', 'Women''s Union', 30),
  ('forces', 'youth_union', 'Đoàn Thanh niên', 'Youth Union', 40),
  ('forces', 'farmers_union', 'Hội Nông dân', 'Farmers'' Union', 50),
  ('forces', 'veterans_union', 'Hội Cựu chiến binh', 'Veterans'' Union', 60),
  ('forces', 'military', 'Quân sự', 'Military', 70),
  ('forces', 'border_guard', 'Bộ đội Biên phòng', 'Border Guard', 80),
  ('forces', 'other', 'Khác', 'Other', 1000),

  ('activity_types', 'campaign_launch', 'Phát động phong trào', 'Campaign launch', 10),
  ('activity_types', 'propaganda', 'Tuyên truyền', 'Propaganda', 20),
  ('activity_types', 'listening_conference', 'Hội nghị Công an lắng nghe ý kiến Nhân dân', 'Listening conference', 30),
  ('activity_types', 'training', 'Tập huấn', 'Training', 40),
  ('activity_types', 'leaflet_distribution', 'Phát tờ rơi', 'Leaflet distribution', 50),
  ('activity_types', 'festival', 'Ngày hội Toàn dân bảo vệ an ninh Tổ quốc', 'Festival', 60),
  ('activity_types', 'signing', 'Ký kết giao ước thi đua', 'Signing', 70),
  ('activity_types', 'review', 'Sơ kết, tổng kết', 'Review', 80),
  ('activity_types', 'other', 'Khác', 'Other', 1000),

  ('topics', 'drugs', 'Ma túy', 'Drugs', 10),
  ('topics', 'crime', 'Tội phạm', 'Crime', 20),
  ('topics', 'social_evils', 'Tệ nạn xã hội', 'Social evils', 30),
  ('topics', 'human_trafficking', 'Mua bán người', 'Human trafficking', 40),
  ('topics', 'fire', 'Phòng cháy, chữa cháy', 'Fire prevention', 50),
  ('topics', 'traffic', 'Trật tự an toàn giao thông', 'Traffic safety', 60),
  ('topics', 'domestic_violence', 'Bạo lực gia đình', 'Domestic violence', 70),
  ('topics', 'cyber_fraud', 'Lừa đảo trên không gian mạng', 'Cyber fraud', 80),
  ('topics', 'loan_sharking', 'Tín dụng đen', 'Loan sharking', 90),
  ('topics', 'weapons', 'Vũ khí, vật liệu nổ', 'Weapons and explosives', 100),
  ('topics', 'identity_data', 'Định danh, xác thực điện tử (Đề án 06)', 'Digital identity (Project 06)', 110),
  ('topics', 'other', 'Khác', 'Other', 1000),

  ('model_fields', 'security_order', 'Bảo đảm an ninh, trật tự', 'Security and order', 10),
  ('model_fields', 'drugs', 'Phòng, chống ma túy', 'Drug prevention', 20),
  ('model_fields', 'traffic', 'Trật tự an toàn giao thông', 'Traffic safety', 30),
  ('model_fields', 'fire', 'Phòng cháy, chữa cháy', 'Fire prevention', 40),
  ('model_fields', 'camera', 'Camera an ninh', 'Security cameras', 50),
  ('model_fields', 'self_management', 'Tự quản, hòa giải ở cơ sở', 'Self-management and mediation', 60),
  ('model_fields', 'reintegration', 'Giúp người lầm lỡ tái hòa nhập', 'Reintegration', 70),
  ('model_fields', 'religion_ethnic', 'Vùng đồng bào dân tộc, tôn giáo', 'Ethnic and religious areas', 80),
  ('model_fields', 'enterprise_school', 'Cơ quan, doanh nghiệp, trường học', 'Agencies, enterprises, schools', 90),
  ('model_fields', 'other', 'Khác', 'Other', 1000),

  ('dispute_types', 'land', 'Đất đai', 'Land', 10),
  ('dispute_types', 'family', 'Hôn nhân, gia đình', 'Marriage and family', 20),
  ('dispute_types', 'neighbours', 'Mâu thuẫn hàng xóm', 'Neighbours', 30),
  ('dispute_types', 'debt', 'Vay mượn, nợ nần', 'Debt', 40),
  ('dispute_types', 'inheritance', 'Thừa kế', 'Inheritance', 50),
  ('dispute_types', 'environment', 'Môi trường, vệ sinh', 'Environment', 60),
  ('dispute_types', 'other', 'Khác', 'Other', 1000),

  ('award_forms', 'certificate_of_merit', 'Bằng khen', 'Certificate of merit', 10),
  ('award_forms', 'commendation', 'Giấy khen', 'Commendation', 20),
  ('award_forms', 'other', 'Khác', 'Other', 1000),

  ('group_kinds', 'self_managed', 'Tổ, nhóm tự quản', 'Self-managed group', 10),
  ('group_kinds', 'patrol_team', 'Tổ tuần tra', 'Patrol team', 20),
  ('group_kinds', 'security_team', 'Tổ bảo vệ an ninh, trật tự', 'Security team', 30),
  ('group_kinds', 'channel', 'Nhóm Zalo, Facebook', 'Chat-app group', 40);
