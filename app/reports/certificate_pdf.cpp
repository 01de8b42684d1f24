#include "app/reports/certificate_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <jpeglib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace capdev::reports {

namespace {

// A4 landscape, in points (the PDF's unit).
constexpr double kWidth = 841.89;
constexpr double kHeight = 595.28;
constexpr double kMargin = 56;

constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.13, 0.13, 0.15};
constexpr Rgb kNavy{0.12, 0.23, 0.37};
constexpr Rgb kGold{0.69, 0.55, 0.34};
constexpr Rgb kGrey{0.38, 0.38, 0.42};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;

// ---- images ---------------------------------------------------------------

struct PngReader {
  const std::string* bytes;
  std::size_t at = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data,
                       unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes->data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

void OnJpegError(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

// Larger images are refused: a page never needs them (2400 pixels are 20 cm
// at 300 dpi), and decoding one would take gigabytes (a 30000-pixel square).
constexpr unsigned kMaxImageSide = 2400;

enum class Jpeg { kUnreadable, kRgb, kCmyk };

// Decodes into `surface` (made here) or answers kUnreadable; C only between
// setjmp and its end, so that longjmp skips no destructor. Print shops'
// logos are often CMYK (Adobe's, stored inverted): read as such and turned
// into RGB here; libjpeg turns everything else into cairo's RGB24 (BGRX on
// little endian).
Jpeg DecodeJpeg(const std::string& bytes, cairo_surface_t*& surface) {
  jpeg_decompress_struct info{};
  JpegError error{};
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = OnJpegError;
  if (setjmp(error.jump)) {  // NOLINT(cert-err52-cpp): libjpeg's way
    jpeg_destroy_decompress(&info);
    return Jpeg::kUnreadable;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  if (info.image_width > kMaxImageSide || info.image_height > kMaxImageSide) {
    jpeg_destroy_decompress(&info);
    return Jpeg::kUnreadable;
  }
  const bool cmyk =
      info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
  jpeg_start_decompress(&info);
  surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                       static_cast<int>(info.output_width),
                                       static_cast<int>(info.output_height));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    jpeg_destroy_decompress(&info);
    return Jpeg::kUnreadable;
  }
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  // libjpeg's own memory, freed with it.
  JSAMPARRAY cmyk_row =
      (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info),
                                JPOOL_IMAGE, info.output_width * 4, 1);
  while (info.output_scanline < info.output_height) {
    unsigned char* row =
        data + static_cast<std::ptrdiff_t>(stride) * info.output_scanline;
    if (!cmyk) {
      jpeg_read_scanlines(&info, &row, 1);
      continue;
    }
    jpeg_read_scanlines(&info, cmyk_row, 1);
    for (JDIMENSION x = 0; x < info.output_width; ++x) {
      const unsigned char* ink =
          cmyk_row[0] + static_cast<std::ptrdiff_t>(x) * 4;
      for (int c = 0; c < 3; ++c) {  // B, G, R from Y, M, C and K
        row[x * 4 + c] = static_cast<unsigned char>(ink[2 - c] * ink[3] / 255);
      }
    }
  }
  cairo_surface_mark_dirty(surface);
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return cmyk ? Jpeg::kCmyk : Jpeg::kRgb;
}

// A PNG's size is in its header (IHDR, after the signature): checked before
// anything is decoded.
bool PngTooLarge(const std::string& bytes) {
  if (bytes.size() < 24) return true;
  const auto side = [&](std::size_t at) {
    unsigned value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    }
    return value;
  };
  return side(16) > kMaxImageSide || side(20) > kMaxImageSide;
}

// An image's surface, or none when it cannot be read.
Surface LoadImage(const domain::Image& image) {
  if (image.type == domain::ImageType::kPng) {
    if (PngTooLarge(image.bytes)) return nullptr;
    PngReader reader{&image.bytes};
    Surface s(cairo_image_surface_create_from_png_stream(ReadPng, &reader));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    return s;
  }
  cairo_surface_t* raw = nullptr;
  const Jpeg read = DecodeJpeg(image.bytes, raw);
  Surface s(raw);
  if (read == Jpeg::kUnreadable) return nullptr;
  // The PDF embeds an RGB JPEG itself rather than its decoded pixels.
  if (read == Jpeg::kRgb) {
    // Owned by cairo once attached: freed with the surface.
    auto* copy = new std::string(image.bytes);
    if (cairo_surface_set_mime_data(
            s.get(), CAIRO_MIME_TYPE_JPEG,
            reinterpret_cast<const unsigned char*>(copy->data()), copy->size(),
            [](void* p) { delete static_cast<std::string*>(p); },
            copy) != CAIRO_STATUS_SUCCESS) {
      delete copy;
    }
  }
  return s;
}

Surface LoadBase64(const std::optional<std::string>& base64) {
  if (!base64) return nullptr;
  auto image = domain::DecodeImage(*base64);
  if (!image.ok()) return nullptr;
  return LoadImage(*image);
}

// Draws `image` as large as fits the box, centred on `cx`, its bottom at
// `bottom`.
void DrawImage(cairo_t* cr, cairo_surface_t* image, double cx, double bottom,
               double max_w, double max_h) {
  const double w = cairo_image_surface_get_width(image);
  const double h = cairo_image_surface_get_height(image);
  if (w <= 0 || h <= 0) return;
  const double scale = std::min(max_w / w, max_h / h);
  cairo_save(cr);
  cairo_translate(cr, cx - w * scale / 2, bottom - h * scale);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

// ---- text -----------------------------------------------------------------

struct Font {
  const char* family = kSans;
  double size = 12;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  Rgb color = kInk;
};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// `text` wrapped to `width` and centred, at `scale` times its size; the
// layout's lines never cut a word short: they wrap (by word, then by
// character for Chinese and long names).
Layout MakeLayout(cairo_t* cr, const std::string& text, const Font& font,
                  double width, double scale,
                  PangoAlignment align = PANGO_ALIGN_CENTER) {
  Layout layout(pango_cairo_create_layout(cr));
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, font.family);
  pango_font_description_set_weight(desc, font.weight);
  pango_font_description_set_style(desc, font.style);
  pango_font_description_set_absolute_size(desc,
                                           font.size * scale * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), align);
  pango_layout_set_text(layout.get(), text.data(),
                        static_cast<int>(text.size()));
  return layout;
}

double HeightOf(PangoLayout* layout) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Show(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb color) {
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

// A text of the page's middle column and the space above it.
struct Block {
  std::string text;
  Font font;
  double gap_before = 0;
};

// The middle column: blocks stacked between `top` and `bottom`, centred,
// shrunk together until they fit (long names and titles wrap rather than
// run off).
void DrawColumn(cairo_t* cr, const std::vector<Block>& blocks, double x,
                double width, double top, double bottom) {
  double scale = 1.0;
  double height = 0;
  std::vector<Layout> layouts;
  for (int attempt = 0; attempt < 8; ++attempt) {
    layouts.clear();
    height = 0;
    for (const auto& b : blocks) {
      layouts.push_back(MakeLayout(cr, b.text, b.font, width, scale));
      height += b.gap_before * scale + HeightOf(layouts.back().get());
    }
    if (top + height <= bottom) break;
    scale *= 0.9;
  }
  double y = top + std::max(0.0, (bottom - top - height) / 2);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    y += blocks[i].gap_before * scale;
    Show(cr, layouts[i].get(), x, y, blocks[i].font.color);
    y += HeightOf(layouts[i].get());
  }
}

// ---- the QR code ------------------------------------------------------------

void DrawQr(cairo_t* cr, const std::string& text, double x, double y,
            double size) {
  QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return;
  const int n = qr->width;
  const double module = size / n;
  cairo_set_source_rgb(cr, 0, 0, 0);
  const auto dark = [&](int row, int col) {
    return (qr->data[static_cast<std::ptrdiff_t>(row) * n + col] & 1) != 0;
  };
  // A run of dark modules in a row is one rectangle: a third of the path.
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n;) {
      if (!dark(row, col)) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < n && dark(row, col)) ++col;
      cairo_rectangle(cr, x + start * module, y + row * module,
                      (col - start) * module, module);
    }
  }
  cairo_fill(cr);
  QRcode_free(qr);
}

// ---- the page ---------------------------------------------------------------

struct Art {
  Surface logo;
  std::vector<Surface> signatures;  // one per signatory (null: none)
  const std::vector<domain::Signatory>* signatories = nullptr;
};

Art LoadArt(const CertificateArt& art) {
  Art out;
  out.logo = LoadBase64(art.logo_image);
  for (const auto& s : art.signatories) {
    out.signatures.push_back(LoadBase64(s.signature_image));
  }
  out.signatories = &art.signatories;
  return out;
}

void DrawFrame(cairo_t* cr) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, kNavy.r, kNavy.g, kNavy.b);
  cairo_set_line_width(cr, 2.5);
  cairo_rectangle(cr, 20, 20, kWidth - 40, kHeight - 40);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, kGold.r, kGold.g, kGold.b);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, 27, 27, kWidth - 54, kHeight - 54);
  cairo_stroke(cr);
}

void DrawSignatories(cairo_t* cr, const Art& art, double left, double right,
                     double line_y) {
  const auto& people = *art.signatories;
  if (people.empty()) return;
  const double slot = (right - left) / static_cast<double>(people.size());
  const double width = std::min(slot - 16, 190.0);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const double cx = left + slot * (static_cast<double>(i) + 0.5);
    if (art.signatures[i]) {
      DrawImage(cr, art.signatures[i].get(), cx, line_y - 2, width, 46);
    }
    cairo_set_source_rgb(cr, kGrey.r, kGrey.g, kGrey.b);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, cx - width / 2, line_y);
    cairo_line_to(cr, cx + width / 2, line_y);
    cairo_stroke(cr);
    const auto name = MakeLayout(cr, people[i].name,
                                 {kSans, 10, PANGO_WEIGHT_BOLD}, width, 1.0);
    Show(cr, name.get(), cx - width / 2, line_y + 4, kInk);
    if (const auto& role = people[i].title) {
      const auto title =
          MakeLayout(cr, role.value_or(""), {kSans, 8}, width, 1.0);
      Show(cr, title.get(), cx - width / 2, line_y + 6 + HeightOf(name.get()),
           kGrey);
    }
  }
}

void DrawPage(cairo_t* cr, const Art& art, const CertificatePage& p) {
  DrawFrame(cr);
  const double column_x = kMargin + 90;
  const double column_w = kWidth - 2 * column_x;
  if (art.logo) {
    DrawImage(cr, art.logo.get(), kMargin + 45, kMargin + 56, 100, 56);
  }
  // The band at the bottom: signatories on the left, the QR code right.
  const double qr_size = 86;
  const double qr_x = kWidth - kMargin - qr_size - 8;
  const double band_top = kHeight - kMargin - 104;
  DrawQr(cr, p.verify_url, qr_x, band_top, qr_size);
  const auto code =
      MakeLayout(cr, p.code, {"Noto Sans Mono CJK SC", 9, PANGO_WEIGHT_BOLD},
                 qr_size + 60, 1.0);
  Show(cr, code.get(), qr_x - 30, band_top + qr_size + 3, kInk);
  const auto verify =
      MakeLayout(cr, p.verify_label + "\n" + p.verify_url,
                 {kSans, 6, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, kGrey},
                 qr_size + 90, 1.0);
  Show(cr, verify.get(), qr_x - 45, band_top + qr_size + 16, kGrey);
  DrawSignatories(cr, art, kMargin, qr_x - 30, band_top + 58);

  std::vector<Block> blocks;
  const auto add = [&](const std::string& text, Font font, double gap) {
    if (!text.empty()) blocks.push_back({text, font, gap});
  };
  add(p.line, {kSans, 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, kNavy}, 0);
  add(p.native_line,
      {kSans, 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, kNavy}, 2);
  add(p.heading, {kSerif, 30, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, kNavy},
      14);
  add(p.native_heading,
      {kSerif, 22, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, kNavy}, 0);
  if (p.native_holder) {
    add(*p.native_holder, {kSerif, 30, PANGO_WEIGHT_BOLD}, 18);
    add(p.holder, {kSerif, 20}, 2);
  } else {
    add(p.holder, {kSerif, 30, PANGO_WEIGHT_BOLD}, 18);
  }
  add(p.wording, {kSerif, 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, kGrey},
      12);
  add(p.native_wording,
      {kSans, 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, kGrey}, 1);
  add(p.workshop, {kSerif, 17, PANGO_WEIGHT_BOLD}, 8);
  if (p.native_workshop) add(*p.native_workshop, {kSerif, 15}, 2);
  add(p.when_where, {kSans, 10.5}, 10);
  if (p.native_when_where != p.when_where) {
    add(p.native_when_where, {kSans, 10.5}, 1);
  }
  bool first = true;
  for (const auto& line : p.institutions) {
    add(line, {kSans, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, kGrey},
        first ? 8 : 1);
    first = false;
  }
  DrawColumn(cr, blocks, column_x, column_w, kMargin - 6, band_top - 8);

  if (p.revoked) {
    // Across the middle of the page, in both languages, on one line (a
    // reader of the text finds it as written).
    const auto stamp = MakeLayout(
        cr, p.revoked_label, {kSans, 44, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
        kWidth, 1.0);
    const double h = HeightOf(stamp.get());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.7);
    cairo_rectangle(cr, 27, (kHeight - h) / 2 - 6, kWidth - 54, h + 12);
    cairo_fill(cr);
    cairo_set_source_rgba(cr, 0.7, 0.08, 0.08, 0.9);
    cairo_move_to(cr, 0, (kHeight - h) / 2);
    pango_cairo_show_layout(cr, stamp.get());
  }
}

// Layouts are measured without hinting, so that the PDF and the preview
// break lines alike.
void Unhinted(cairo_t* cr) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
}

cairo_status_t Append(void* closure, const unsigned char* data,
                      unsigned int length) {
  static_cast<std::string*>(closure)->append(
      reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string CertificatesPdf(const CertificateArt& art,
                            std::span<const CertificatePage> pages) {
  std::string out;
  {
    Surface surface(
        cairo_pdf_surface_create_for_stream(Append, &out, kWidth, kHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                   "capdev");
    const Art loaded = LoadArt(art);
    Cairo cr(cairo_create(surface.get()));
    Unhinted(cr.get());
    for (const auto& page : pages) {
      DrawPage(cr.get(), loaded, page);
      cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(
          cairo_status_to_string(cairo_surface_status(surface.get())));
    }
  }
  return out;
}

std::string CertificatePng(const CertificateArt& art,
                           const CertificatePage& page, double dpi) {
  const double scale = dpi / 72.0;
  Surface surface(cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, static_cast<int>(kWidth * scale),
      static_cast<int>(kHeight * scale)));
  {
    Cairo cr(cairo_create(surface.get()));
    Unhinted(cr.get());
    cairo_scale(cr.get(), scale, scale);
    DrawPage(cr.get(), LoadArt(art), page);
  }
  std::string out;
  if (cairo_surface_write_to_png_stream(surface.get(), Append, &out) !=
      CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("the preview could not be written as PNG");
  }
  return out;
}

bool ImageReadable(const domain::Image& image) {
  return LoadImage(image) != nullptr;
}

}  // namespace capdev::reports
