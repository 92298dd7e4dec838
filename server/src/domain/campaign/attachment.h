#pragma once
// Files attached to a submission (issue 12): a stamped scan (盖章扫描件) or the written
// account's files. Judged by their content, never by the name or the declared type.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/campaign/campaign.h"
#include "domain/error.h"

namespace jinguo::domain::campaign {

inline constexpr std::size_t kMaxAttachmentBytes = 10u << 20;
inline constexpr std::size_t kMaxAttachments = 10;  // a version

// application/pdf, image/png or image/jpeg by the first bytes; nullopt for anything else.
std::optional<std::string_view> attachment_type(std::string_view bytes);

// 413 file_too_large: an attachment over kMaxAttachmentBytes (also for a body refused unread).
DomainError attachment_too_large();

// Throws DomainError: empty (422 empty_file), over the limit (413 file_too_large), not a PDF,
// PNG or JPEG (415 unsupported_file_type). Returns the content type.
std::string_view require_attachable(std::string_view bytes);

// The name kept: the last segment of a path, trimmed, 1..200 characters (422 on `file_name`).
std::string attachment_name(std::string_view file_name);

// Files change only while the version awaits the decision of the level above (409 locked).
void require_unlocked(SubmissionState state);

}  // namespace jinguo::domain::campaign
