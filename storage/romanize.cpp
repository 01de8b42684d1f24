// Han names to passport-style pinyin (ICU's Han-Latin plus a surname table)
// and the compact search key for names.

#include "storage/romanize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storage/text_key.hpp"

namespace capdev::storage {

namespace {

struct Surname {
  std::u32string_view han;
  std::string_view latin;  // toneless, lower case
};

// Compound surnames, matched before single ones so that 欧阳娜娜 is OUYANG
// Nana and not OU Yangnana. Most read as ICU reads the two characters anyway;
// they are listed so that both characters go into the family name. 万俟,
// 尉迟, 澹台 are also read differently from ICU's default.
constexpr std::array<Surname, 35> kCompoundSurnames{{
    {U"欧阳", "ouyang"},    {U"司马", "sima"},     {U"诸葛", "zhuge"},
    {U"上官", "shangguan"}, {U"东方", "dongfang"}, {U"万俟", "moqi"},
    {U"皇甫", "huangfu"},   {U"令狐", "linghu"},   {U"慕容", "murong"},
    {U"尉迟", "yuchi"},     {U"长孙", "zhangsun"}, {U"夏侯", "xiahou"},
    {U"司徒", "situ"},      {U"公孙", "gongsun"},  {U"宇文", "yuwen"},
    {U"端木", "duanmu"},    {U"澹台", "tantai"},   {U"轩辕", "xuanyuan"},
    {U"独孤", "dugu"},      {U"南宫", "nangong"},  {U"西门", "ximen"},
    {U"百里", "baili"},     {U"呼延", "huyan"},    {U"申屠", "shentu"},
    {U"闻人", "wenren"},    {U"赫连", "helian"},   {U"钟离", "zhongli"},
    {U"太史", "taishi"},    {U"公冶", "gongye"},   {U"濮阳", "puyang"},
    {U"淳于", "chunyu"},    {U"司空", "sikong"},   {U"仲孙", "zhongsun"},
    {U"羊舌", "yangshe"},   {U"第五", "diwu"},
}};

// Single characters whose reading as a surname is not the reading ICU gives
// the character on its own (曾 céng, 单 dān, 解 jiě, 区 qū, 卜 bo, ...), plus
// a few polyphonic ones whose surname reading ICU happens to share, kept so
// that a change in ICU's data cannot change them. 隗 is left to ICU (Kuí): it
// is read both Kuí and Wěi as a surname.
constexpr std::array<Surname, 49> kSingleSurnames{{
    {U"曾", "zeng"}, {U"单", "shan"},  {U"解", "xie"},   {U"区", "ou"},
    {U"仇", "qiu"},  {U"朴", "piao"},  {U"查", "zha"},   {U"盖", "ge"},
    {U"尉", "wei"},  {U"乐", "yue"},   {U"翟", "zhai"},  {U"缪", "miao"},
    {U"覃", "qin"},  {U"种", "chong"}, {U"过", "guo"},   {U"华", "hua"},
    {U"任", "ren"},  {U"沈", "shen"},  {U"重", "chong"}, {U"长", "chang"},
    {U"秘", "bi"},   {U"员", "yun"},   {U"句", "gou"},   {U"繁", "po"},
    {U"召", "shao"}, {U"薄", "bo"},    {U"那", "na"},    {U"阚", "kan"},
    {U"洗", "xian"}, {U"燕", "yan"},   {U"宿", "su"},    {U"柏", "bai"},
    {U"万", "wan"},  {U"卜", "bu"},    {U"都", "du"},    {U"乜", "nie"},
    {U"粘", "nian"}, {U"折", "she"},   {U"占", "zhan"},  {U"藏", "zang"},
    {U"蔚", "yu"},   {U"角", "jue"},   {U"朝", "chao"},  {U"相", "xiang"},
    {U"石", "shi"},  {U"贾", "jia"},   {U"车", "che"},   {U"曲", "qu"},
    {U"陆", "lu"},
}};

bool IsHan(char32_t c) {
  // CJK Unified Ideographs and Extension A: the characters names are written
  // in and Han-Latin has readings for. Radicals, 々 and 〇 are not names.
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

bool IsInterpunct(char32_t c) {
  return c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == 0x2027 ||
         c == 0xFF65;  // halfwidth katakana middle dot, as typed on some IMEs
}

// One transliterator per thread: ICU's Transliterator keeps state while it
// works, so an instance must not be used by two threads at once, and
// creating one parses the Han-Latin rules, too slow to do per call.
icu::Transliterator& HanLatin() {
  thread_local const std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Han-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || t == nullptr) {
      throw std::runtime_error("ICU Han-Latin transliterator missing");
    }
    return t;
  }();
  return *instance;
}

// The toneless pinyin of one Han character, lower case, ü written as
// passports write it; empty when ICU has no reading for it. Characters are
// read one at a time, not as a word, so that each gives exactly one syllable
// and a name never takes a reading from a dictionary word it happens to
// contain.
std::string SyllableOf(char32_t han) {
  icu::UnicodeString text(static_cast<UChar32>(han));
  HanLatin().transliterate(text);
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD missing");
  // Decomposed, every tone mark is a combining character we can drop; only
  // the diaeresis of ü carries meaning.
  const icu::UnicodeString decomposed = nfd->normalize(text, status);
  if (U_FAILURE(status)) return {};
  std::string out;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    if (c >= 0x0300 && c <= 0x036F) {
      if (c == 0x0308 && !out.empty() && out.back() == 'u') {
        // lü, nü must stay apart from lu, nu: passports write lyu, nyu.
        // After j, q, x, y pinyin already writes ü as u.
        const std::size_t n = out.size();
        if (n >= 2 && (out[n - 2] == 'l' || out[n - 2] == 'n')) {
          out.back() = 'y';  // "lu" -> "lyu"
          out += 'u';
        }
      }
      continue;
    }
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c != ' ') {
      return {};  // no reading: ICU left the character (or something) as is
    }
  }
  return out;
}

std::string Capitalised(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string Upper(std::string word) {
  for (char& c : word) c = static_cast<char>(c - 'a' + 'A');
  return word;
}

// The syllables of `chars` as one word ("zhiqiang"); empty if one has no
// reading.
std::string WordOf(std::u32string_view chars) {
  std::string word;
  for (char32_t c : chars) {
    const std::string syllable = SyllableOf(c);
    if (syllable.empty()) return {};
    word += syllable;
  }
  return word;
}

template <std::size_t N>
std::optional<std::string_view> Lookup(const std::array<Surname, N>& table,
                                       std::u32string_view han) {
  for (const auto& entry : table) {
    if (entry.han == han) return entry.latin;
  }
  return std::nullopt;
}

}  // namespace

bool WrittenInHan(std::string_view text) {
  const auto source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t i = 0; i < source.length(); i = source.moveIndex32(i, 1)) {
    if (IsHan(static_cast<char32_t>(source.char32At(i)))) return true;
  }
  return false;
}

std::optional<std::string> LatinNameOf(std::string_view native_name) {
  const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(
      native_name.data(), static_cast<int32_t>(native_name.size())));
  // The name split at interpuncts, white space dropped. Ill-formed UTF-8
  // arrives here as U+FFFD, which is not Han.
  std::vector<std::u32string> parts(1);
  for (int32_t i = 0; i < source.length(); i = source.moveIndex32(i, 1)) {
    const auto c = static_cast<char32_t>(source.char32At(i));
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) continue;
    if (IsInterpunct(c)) {
      parts.emplace_back();
    } else if (IsHan(c)) {
      parts.back() += c;
    } else {
      return std::nullopt;
    }
  }
  for (const auto& part : parts) {
    if (part.empty()) return std::nullopt;  // "", "·艾力", "买买提··艾力"
  }

  if (parts.size() > 1) {
    // A transliterated (Uyghur, Tibetan, foreign) name: the surname table
    // means nothing here, each part is one word as written on the passport.
    std::string out;
    for (const auto& part : parts) {
      const std::string word = WordOf(part);
      if (word.empty()) return std::nullopt;
      if (!out.empty()) out += ' ';
      out += Capitalised(word);
    }
    return out;
  }

  const std::u32string_view name = parts.front();
  std::size_t family_length = 1;
  std::string family;
  // A compound surname always comes with a given name: 钟离 alone is ZHONG
  // Li.
  if (name.size() >= 3) {
    if (auto compound = Lookup(kCompoundSurnames, name.substr(0, 2))) {
      family = *compound;
      family_length = 2;
    }
  }
  if (family.empty()) {
    if (auto single = Lookup(kSingleSurnames, name.substr(0, 1))) {
      family = *single;
    } else {
      family = WordOf(name.substr(0, 1));
      if (family.empty()) return std::nullopt;
    }
  }
  std::string out = Upper(family);
  if (name.size() > family_length) {
    const std::string given = WordOf(name.substr(family_length));
    if (given.empty()) return std::nullopt;
    out += ' ';
    out += Capitalised(given);
  }
  return out;
}

std::string CompactKey(std::string_view text) {
  const std::string utf8 = FoldKey(text);
  const auto folded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const UChar32 c = folded.char32At(i);
    // The marks people put between the parts of a name, or leave out:
    // "Wang Fang", "Wang-Fang", "O'Brien", "J. Smith", 买买提·艾力. Any dash
    // counts, since an en dash or a full-width hyphen is easily typed
    // instead of "-". NFKC has already made full-width forms plain ones.
    const bool separator =
        u_isUWhiteSpace(c) || u_charType(c) == U_DASH_PUNCTUATION ||
        c == 0x0027 || c == 0x2018 || c == 0x2019 || c == 0x02BC ||
        c == 0x002E || c == 0x3002 || IsInterpunct(static_cast<char32_t>(c));
    if (!separator) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace capdev::storage
