#pragma once
// server/openapi.json, compiled into the binary (server/cmake/embed_resources.cmake).
#include <string_view>

namespace jinguo::http {

std::string_view openapi_document();

}  // namespace jinguo::http
