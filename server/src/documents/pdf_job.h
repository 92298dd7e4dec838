#pragma once
// A PDF to draw, written as text that crosses a pipe: the server hands it to a short-lived
// `jinguo render` process (services/pdf_renderer.h), which draws it with pango, cairo and the
// Noto CJK fonts and writes the PDF's bytes back, so that the fonts (~60 MiB mapped) and
// fontconfig's and pango's caches (~25 MiB) never live in the server. JSON: {"kind": "form" |
// "certificates" | "poster", "document": …}, the structs' fields under their own names.
#include <string>
#include <string_view>
#include <vector>

#include "documents/certificate_pdf.h"
#include "documents/form_table.h"
#include "documents/notice_poster.h"

namespace jinguo::documents {

std::string pdf_job(const FormTable& form);
std::string pdf_job(const std::vector<CertificateSheet>& sheets);
std::string pdf_job(const NoticePoster& poster);

// Draws the PDF a job describes, in this process (write_form_pdf, certificates_pdf or
// notice_poster_pdf). Throws std::invalid_argument for text that is not a job.
std::string render_pdf_job(std::string_view job);

}  // namespace jinguo::documents
