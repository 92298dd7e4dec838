#pragma once
// The printed certificate (证书, issue 13 §5): one A4 landscape page a certificate, with a frame,
// the title, the number, the wording, the issuer and date where the seal goes, and a QR code to
// the public verification page with the code written beside it for those who type it.
#include <string>
#include <vector>

namespace jinguo::documents {

struct CertificateSheet {
  std::string title;        // 任职证书 or 志愿者聘任证书
  std::string number_text;  // 哈道妇证〔2016〕第0001号
  std::string wording;      // 兹聘任王秀英同志为……特发此证。 (paragraphs split by \n)
  std::string issuer_name;
  std::string issued_on;    // 2016年6月20日
  std::string verify_url;   // what the QR code holds
  std::string code;         // the verification code, written under the QR code
};

// The PDF of the sheets, one page each, in order (at least one). Throws std::invalid_argument
// for none and std::runtime_error when the QR code cannot be made.
std::string certificates_pdf(const std::vector<CertificateSheet>& sheets);

}  // namespace jinguo::documents
