#pragma once
// The words of the demo's years of records: what a village officer, a commune police officer or
// a Front official writes in the registers. "{V}" is replaced by the village's name, "{Y}" by the
// year. Places, people and numbers are invented.
#include <string_view>

namespace antq::demo::texts {

struct Topic {
  const char* topic;    // catalogue code (topics)
  const char* title;    // a propaganda session on it
  const char* leaflet;  // a leaflet on it
  int from_year;        // first year it was a theme (new laws, new fraud methods)
};

inline constexpr Topic kTopics[] = {
    {"drugs", "Tuyên truyền Luật Phòng, chống ma túy năm 2021 tại {V}", "Phát tờ rơi phòng, chống ma túy trong thanh thiếu niên", 2021},
    {"cyber_fraud", "Tuyên truyền phương thức, thủ đoạn lừa đảo chiếm đoạt tài sản trên không gian mạng tại {V}",
     "Phát tờ rơi nhận diện cuộc gọi, tin nhắn lừa đảo", 2021},
    {"identity_data", "Hướng dẫn Nhân dân {V} kích hoạt tài khoản định danh điện tử VNeID (Đề án 06)",
     "Phát tờ rơi hướng dẫn cài đặt, kích hoạt VNeID", 2022},
    {"traffic", "Tuyên truyền bảo đảm trật tự an toàn giao thông, không uống rượu bia khi lái xe tại {V}",
     "Phát tờ rơi an toàn giao thông cho học sinh", 2021},
    {"fire", "Tuyên truyền phòng cháy, chữa cháy cho hộ gia đình, hộ kinh doanh tại {V}", "Phát tờ rơi phòng cháy, chữa cháy tại nhà ở",
     2021},
    {"domestic_violence", "Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022 tại {V}", "Phát tờ rơi phòng, chống bạo lực gia đình",
     2023},
    {"human_trafficking", "Hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7 tại {V}",
     "Phát tờ rơi cảnh giác với lời mời đi làm việc ở nước ngoài", 2021},
    {"loan_sharking", "Tuyên truyền phòng ngừa tín dụng đen, cho vay nặng lãi tại {V}", "Phát tờ rơi cảnh giác với tín dụng đen", 2021},
    {"weapons", "Vận động Nhân dân {V} giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ", "Phát tờ rơi vận động giao nộp vũ khí, vật liệu nổ",
     2021},
    {"social_evils", "Tuyên truyền phòng, chống tệ nạn xã hội, cờ bạc, cá độ bóng đá tại {V}",
     "Phát tờ rơi phòng, chống cờ bạc, cá độ qua mạng", 2021},
};

// A union that works on a topic with the police (leaflets, propaganda).
inline constexpr const char* kPartnerForces[] = {"women_union", "youth_union", "farmers_union", "veterans_union"};

struct TipText {
  const char* category;  // tip_categories code
  int weight;            // how often, out of the sum of weights
  const char* description;
  const char* place;
};

inline constexpr TipText kTips[] = {
    {"theft", 9, "Mất trộm xe máy dựng trước hiên nhà trong đêm ở {V}.", "Khu dân cư {V}"},
    {"theft", 6, "Phát hiện người lạ đi xe máy không biển số dò xét nhà dân vào ban đêm ở {V}.", "Đường trục {V}"},
    {"theft", 5, "Mất trộm gà, vịt và máy bơm nước ở chuồng trại cuối {V}.", "Cuối {V}"},
    {"theft", 3, "Đối tượng giật điện thoại của học sinh trên đường đi học qua {V}.", "Đường liên thôn qua {V}"},
    {"drugs", 6, "Nhóm thanh niên tụ tập ở quán cà phê đầu {V}, nghi sử dụng ma túy.", "Quán cà phê đầu {V}"},
    {"drugs", 4, "Phát hiện bơm kim tiêm vứt ở bãi đất trống gần {V}.", "Bãi đất trống gần {V}"},
    {"drugs", 4, "Có người lạ thường xuyên ra vào một nhà trọ ở {V} lúc nửa đêm, nghi mua bán trái phép chất ma túy.", "Nhà trọ ở {V}"},
    {"gambling", 5, "Tụ tập đánh bạc ăn tiền trong vườn nhà dân ở {V} vào chiều tối.", "{V}"},
    {"gambling", 4, "Tổ chức cá độ bóng đá qua mạng tại quán nước ở {V}.", "Quán nước ở {V}"},
    {"online_fraud", 6, "Người dân ở {V} bị gọi điện giả danh Công an, yêu cầu chuyển tiền để \"xác minh\" tài khoản.", ""},
    {"online_fraud", 5, "Nhận tin nhắn giả ngân hàng kèm đường dẫn lạ, một người ở {V} đã bị mất tiền trong tài khoản.", ""},
    {"online_fraud", 4, "Lừa đảo \"việc nhẹ lương cao\" qua mạng xã hội, nhiều thanh niên {V} bị dụ nộp tiền đặt cọc.", ""},
    {"public_order", 5, "Quán karaoke ở {V} mở nhạc to sau 23 giờ, khách say xỉn gây gổ.", "Quán karaoke ở {V}"},
    {"public_order", 3, "Nhóm thanh niên mang hung khí tụ tập, hẹn đánh nhau ở {V}.", "Sân bóng {V}"},
    {"traffic", 4, "Nhóm thanh niên đua xe, lạng lách trên tuyến đường qua {V} vào tối thứ bảy.", "Đường qua {V}"},
    {"traffic", 2, "Xe tải chở vật liệu chạy tốc độ cao qua đường làng {V}, làm hư hỏng mặt đường.", "Đường làng {V}"},
    {"loan_sharking", 3, "Dán tờ rơi \"vay tiền nhanh, không thế chấp\" khắp cột điện ở {V}.", "{V}"},
    {"loan_sharking", 2, "Người vay bị nhóm đòi nợ thuê đến nhà đe dọa, ném chất bẩn vào nhà ở {V}.", "{V}"},
    {"fire_risk", 2, "Hộ kinh doanh ở {V} tích trữ nhiều bình gas trong nhà ở, nguy cơ cháy nổ.", "{V}"},
    {"fire_risk", 2, "Đốt rơm rạ sát khu dân cư {V}, khói lớn, nguy cơ cháy lan.", "Cánh đồng sát {V}"},
    {"environment", 3, "Đổ trộm rác thải, phế thải xây dựng xuống kênh mương ở {V}.", "Kênh mương {V}"},
    {"weapons", 1, "Có người tàng trữ pháo nổ để bán dịp Tết ở {V}.", "{V}"},
    {"human_trafficking", 1, "Người lạ đến {V} rủ rê phụ nữ trẻ sang nước ngoài làm việc với lương cao.", "{V}"},
    {"other", 1, "Người lạ đến {V} tự xưng cán bộ y tế, đi từng nhà bán thuốc và thu tiền khám bệnh.", "{V}"},
};

struct Opinion {
  const char* topic;
  const char* content;
  const char* response;
};

inline constexpr Opinion kOpinions[] = {
    {"traffic", "Đề nghị lắp gương cầu lồi và biển báo giảm tốc ở khúc cua đầu thôn.", "UBND xã đã lắp gương cầu lồi và biển báo."},
    {"drugs", "Đề nghị tăng cường tuần tra khu vực bãi đất trống cuối thôn vào ban đêm.",
     "Công an xã đã bố trí tổ tuần tra vào các tối thứ sáu, thứ bảy."},
    {"cyber_fraud", "Người cao tuổi hay bị gọi điện lừa đảo, đề nghị hướng dẫn cách nhận biết.",
     "Công an xã đã tuyên truyền tại nhà văn hóa thôn và trên nhóm Zalo của thôn."},
    {"fire", "Đề nghị vận động các hộ kinh doanh nhỏ trang bị bình chữa cháy.",
     "Đã thành lập tổ liên gia an toàn phòng cháy, chữa cháy, các hộ đã mua bình chữa cháy."},
    {"social_evils", "Quán karaoke hoạt động quá giờ gây ồn ào, mất trật tự.", "Công an xã đã kiểm tra, lập biên bản nhắc nhở chủ quán."},
    {"identity_data", "Đề nghị hỗ trợ người cao tuổi kích hoạt tài khoản định danh điện tử.", "Đoàn Thanh niên đã hỗ trợ tận nhà."},
    {"crime", "Đề nghị lắp thêm camera an ninh ở ngã ba chợ.", "Đã đưa vào mô hình camera an ninh của thôn, lắp trong quý sau."},
    {"loan_sharking", "Tờ rơi cho vay tiền dán khắp cột điện, đề nghị xử lý.", "Đã bóc gỡ, xác minh các số điện thoại trên tờ rơi."},
    {"other", "Đề nghị xử lý việc đổ rác thải ven đường liên thôn.", "UBND xã đã bố trí điểm tập kết rác, xử phạt người vi phạm."},
    {"traffic", "Xe tải chở cát chạy nhanh qua đường làng, đề nghị kiểm soát tải trọng.",
     "Đã đặt biển hạn chế tải trọng, phối hợp Cảnh sát giao thông kiểm tra."},
};

struct Dispute {
  const char* type;  // dispute_types code
  int weight;
  const char* content;
  const char* agreement;
};

inline constexpr Dispute kDisputes[] = {
    {"land", 8, "Tranh chấp ranh giới đất vườn giữa hai hộ liền kề", "Hai bên thống nhất cắm mốc lại theo bản đồ địa chính"},
    {"land", 4, "Tranh chấp lối đi chung vào khu đất phía sau", "Hai bên thống nhất chừa lối đi rộng 2 m"},
    {"neighbours", 6, "Mâu thuẫn do nước thải sinh hoạt chảy sang nhà bên cạnh", "Hộ gây ô nhiễm làm lại rãnh thoát nước trong 15 ngày"},
    {"neighbours", 4, "Xô xát giữa hai gia đình do con nhỏ đánh nhau", "Hai gia đình xin lỗi nhau, cam kết không tái diễn"},
    {"family", 5, "Mâu thuẫn vợ chồng do chồng uống rượu, có lời lẽ xúc phạm",
     "Người chồng cam kết không uống rượu say, không có hành vi bạo lực"},
    {"family", 2, "Anh em tranh cãi về việc phụng dưỡng cha mẹ già", "Các con luân phiên chăm sóc, góp tiền hằng tháng"},
    {"debt", 3, "Tranh chấp khoản vay 30 triệu đồng quá hạn", "Bên vay trả dần mỗi tháng 3 triệu đồng"},
    {"inheritance", 2, "Tranh chấp chia thừa kế quyền sử dụng đất của cha mẹ để lại",
     "Các anh em thống nhất chia đều, làm thủ tục tại UBND xã"},
    {"environment", 2, "Mâu thuẫn do cơ sở chăn nuôi heo gây mùi hôi", "Chủ cơ sở cam kết xử lý chất thải bằng hầm biogas"},
    {"other", 2, "Trâu bò thả rông phá hoa màu của hộ bên cạnh", "Bồi thường thiệt hại 1,5 triệu đồng"},
};

inline constexpr const char* kRoutes[] = {"Đường trục {V}, khu vực nhà văn hóa", "Các ngõ xóm {V}, khu vực chợ",
                                          "Tuyến đường liên thôn qua {V}", "Khu vực bến đò, cánh đồng {V}"};
inline constexpr const char* kPatrolIncidents[] = {
    "Nhắc nhở nhóm thanh niên tụ tập khuya gây ồn ào", "Phát hiện xe máy không người trông giữ, đã bàn giao chủ xe",
    "Giải tán nhóm thanh niên đua xe trên đường trục", "Nhắc nhở quán karaoke đóng cửa đúng giờ",
    "Phát hiện người lạ dò xét nhà dân, đã báo Công an xã"};

inline constexpr const char* kSessionNotes[] = {
    "Gặp gỡ, động viên tại nhà",     "Trao đổi với gia đình về việc làm ổn định",  "Giới thiệu học nghề sửa xe máy",
    "Hỗ trợ thủ tục vay vốn ưu đãi", "Nhắc nhở chấp hành quy định của địa phương", "Mời tham gia sinh hoạt chi hội"};

inline constexpr const char* kSurnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ"};
inline constexpr const char* kMaleMiddle[] = {"Văn", "Đức", "Minh", "Quang", "Hữu"};
inline constexpr const char* kFemaleMiddle[] = {"Thị", "Ngọc", "Thu", "Thanh"};
inline constexpr const char* kMaleGiven[] = {"Hùng", "Dũng", "Tâm", "Phúc", "Long", "Sơn", "Tài", "Lợi", "Bình", "Trung", "Tuấn", "Khoa"};
inline constexpr const char* kFemaleGiven[] = {"Lan", "Hoa", "Mai", "Hương", "Thảo", "Nga", "Hạnh", "Yến", "Trang", "Liên"};

}  // namespace antq::demo::texts
