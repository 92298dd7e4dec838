#pragma once
// The recruitment notice's poster (招募公告, issue 13 §1): A4 portrait for notice boards and
// WeChat groups, with the notice's text and a QR code to its public page, where women nominate
// themselves. Text too long for one page goes on over the next; the QR code closes the last.
#include <optional>
#include <string>
#include <vector>

namespace jinguo::documents {

struct PosterPlace {
  std::string role_label;  // 执委
  int places = 0;
};

struct NoticePoster {
  std::string title, organisation_name;
  std::vector<PosterPlace> places;
  std::string duties, conditions, how_to_apply;  // paragraphs split by \n
  std::optional<std::string> contact;
  std::string deadline;  // 2016年5月31日
  std::string url;       // the public page, what the QR code holds
};

// The poster's PDF. Throws std::runtime_error when the QR code cannot be made.
std::string notice_poster_pdf(const NoticePoster& poster);

}  // namespace jinguo::documents
