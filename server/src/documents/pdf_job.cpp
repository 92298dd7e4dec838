#include "documents/pdf_job.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace jinguo::documents {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FormHeading, text, row, column, row_span, column_span)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FormTable, title, subtitle, header_rows, columns, headings, rows, totals, numeric,
                                   widths, footer, landscape)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CertificateSheet, title, number_text, wording, issuer_name, issued_on, verify_url,
                                   code)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PosterPlace, role_label, places)

// The poster by hand: its contact is optional (null when absent).
void to_json(nlohmann::json& j, const NoticePoster& p) {
  j = nlohmann::json{{"title", p.title},
                     {"organisation_name", p.organisation_name},
                     {"places", p.places},
                     {"duties", p.duties},
                     {"conditions", p.conditions},
                     {"how_to_apply", p.how_to_apply},
                     {"contact", p.contact ? nlohmann::json(*p.contact) : nlohmann::json(nullptr)},
                     {"deadline", p.deadline},
                     {"url", p.url}};
}

void from_json(const nlohmann::json& j, NoticePoster& p) {
  j.at("title").get_to(p.title);
  j.at("organisation_name").get_to(p.organisation_name);
  j.at("places").get_to(p.places);
  j.at("duties").get_to(p.duties);
  j.at("conditions").get_to(p.conditions);
  j.at("how_to_apply").get_to(p.how_to_apply);
  if (const auto& c = j.at("contact"); !c.is_null()) p.contact = c.get<std::string>();
  j.at("deadline").get_to(p.deadline);
  j.at("url").get_to(p.url);
}

namespace {

template <typename Document>
std::string job(const char* kind, const Document& document) {
  return nlohmann::json{{"kind", kind}, {"document", document}}.dump();
}

}  // namespace

std::string pdf_job(const FormTable& form) { return job("form", form); }
std::string pdf_job(const std::vector<CertificateSheet>& sheets) { return job("certificates", sheets); }
std::string pdf_job(const NoticePoster& poster) { return job("poster", poster); }

std::string render_pdf_job(std::string_view text) {
  nlohmann::json j;
  std::string kind;
  try {
    j = nlohmann::json::parse(text);
    kind = j.at("kind").get<std::string>();
    const auto& document = j.at("document");
    if (kind == "form") return write_form_pdf(document.get<FormTable>());
    if (kind == "certificates") return certificates_pdf(document.get<std::vector<CertificateSheet>>());
    if (kind == "poster") return notice_poster_pdf(document.get<NoticePoster>());
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not a PDF job: ") + e.what());
  }
  throw std::invalid_argument("not a PDF job: unknown kind \"" + kind + "\"");
}

}  // namespace jinguo::documents
