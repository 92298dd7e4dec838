#pragma once
// Routes of the certificates (docs/api-contract.md, "Issue 13: certificates"): issuing,
// listing, printing, revoking, the issuer's prefix; and the public verification of a code,
// rate-limited per address.
#include "http/api.h"
#include "http/rate_limit.h"
#include "services/certificates.h"

namespace jinguo::http {

void add_certificate_routes(Api& api, services::Certificates& certificates, RateLimit& public_limit);

}  // namespace jinguo::http
