// Latin forms of Chinese personal names (Hanyu Pinyin the way passports write
// it) and the compact key that name searches compare.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace capdev::storage {

// The Latin form of a Chinese personal name written in Han characters, as the
// API generates full_name from native_name: Hanyu Pinyin without tone marks,
// family name first in capitals, given name as one capitalised word:
// 王芳 -> "WANG Fang", 欧阳娜娜 -> "OUYANG Nana", 曾志强 -> "ZENG Zhiqiang".
// nullopt when the text is not such a name (empty, or any character that is
// not Han, apart from surrounding white space and an interpunct, see below).
//
// White space anywhere is ignored ("王 芳" is 王芳). A name with an interpunct
// (· • ・ ‧, as in 买买提·艾力) has no family name in the Han sense: each part
// becomes one capitalised word, the parts joined by a space ("Maimaiti
// Aili"). ü is written "yu" after l and n (吕 -> LYU), "u" elsewhere.
// Safe to call from several threads at once.
std::optional<std::string> LatinNameOf(std::string_view native_name);

// Whether the text holds a Han character (a name in Chinese, as opposed to
// one in Latin script: "厦门市公安局", "第1支队").
bool WrittenInHan(std::string_view text);

// Text reduced for searching names: NFKC case-folded (lower case), with
// white space (including the ideographic space U+3000), hyphens, apostrophes,
// periods and interpuncts removed: "Wang Fang" and "wang-fang" -> "wangfang";
// Han characters are kept as they are ("王 芳" -> "王芳").
std::string CompactKey(std::string_view text);

}  // namespace capdev::storage
