#include "domain/campaign/attachment.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::campaign {

std::optional<std::string_view> attachment_type(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (bytes.starts_with("\xff\xd8\xff")) return "image/jpeg";
  return std::nullopt;
}

DomainError attachment_too_large() {
  return {ErrorKind::kTooLarge, "file_too_large", "file", "附件不能超过10 MB，请压缩或分成几个文件上传",
          "an attachment is at most 10 MiB"};
}

std::string_view require_attachable(std::string_view bytes) {
  if (bytes.empty()) throw invalid("empty_file", "file", "文件是空的，请重新选择", "the file is empty");
  if (bytes.size() > kMaxAttachmentBytes) throw attachment_too_large();
  auto type = attachment_type(bytes);
  if (!type)
    throw DomainError(ErrorKind::kUnsupportedType, "unsupported_file_type", "file",
                      "附件只能是PDF、PNG或JPEG文件（按文件内容判断），请重新扫描或另存为PDF后上传",
                      "an attachment is a PDF, PNG or JPEG file (judged by its content)");
  return *type;
}

std::string attachment_name(std::string_view file_name) {
  if (auto slash = file_name.find_last_of("/\\"); slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::string name(trim(file_name));
  auto n = utf8_length(name);
  if (!n) throw invalid("invalid_text", "file_name", "文件名不是有效的文字", "the file name is not valid UTF-8");
  if (name.empty()) throw invalid("required", "file_name", "请提供文件名", "file_name is required");
  if (*n > 200) throw invalid("too_long", "file_name", "文件名不能超过200个字", "the file name is longer than 200 characters");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f)
      throw invalid("invalid_text", "file_name", "文件名含有控制字符", "the file name holds control characters");
  return name;
}

void require_unlocked(SubmissionState state) {
  if (state != SubmissionState::kSubmitted)
    throw DomainError(ErrorKind::kConflict, "locked", "id", "该版本已受理或已退回，不能再更改附件",
                      "the version has been decided: its files no longer change");
}

}  // namespace jinguo::domain::campaign
