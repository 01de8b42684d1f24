#include "app/services/credentials.hpp"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>
#include <string_view>

#include "domain/certificate.hpp"

namespace capdev::services {

namespace {

// Each hash takes ~64 MiB and a noticeable slice of a core.
std::counting_semaphore<2> hashing_slots(2);

struct HashingSlot {
  HashingSlot() { hashing_slots.acquire(); }
  ~HashingSlot() { hashing_slots.release(); }
};

std::string Base64Url(const unsigned char* bytes, std::size_t n) {
  std::string out(
      sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
      '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, n,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

}  // namespace

void InitCrypto() {
  if (sodium_init() < 0)
    throw std::runtime_error("libsodium failed to initialise");
}

std::string HashPassword(const std::string& password) {
  HashingSlot slot;
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return hash;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  HashingSlot slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(),
                                  password.size()) == 0;
}

std::string NewToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Base64Url(bytes, sizeof bytes);
}

std::string TokenHash(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest,
                     reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string CsrfToken(const std::string& token) {
  return TokenHash("csrf:" + token);
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string PersonalCode() {
  static constexpr std::string_view kAlphabet =
      "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32: each byte's 5 low bits
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  std::string code;
  for (unsigned char b : bytes) code += kAlphabet[b % kAlphabet.size()];
  return code;
}

std::string CertificateCode() {
  std::string code;
  for (std::size_t i = 0; i < domain::kCodeLength; ++i) {
    code += domain::kCodeAlphabet[randombytes_uniform(
        static_cast<std::uint32_t>(domain::kCodeAlphabet.size()))];
  }
  return code;
}

std::string ShortToken() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return Base64Url(bytes, sizeof bytes);
}

std::string StepCode(const std::string& secret, std::int64_t step) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  const std::string message = "step:" + std::to_string(step);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(
      &state, reinterpret_cast<const unsigned char*>(secret.data()),
      secret.size());
  crypto_auth_hmacsha256_update(
      &state, reinterpret_cast<const unsigned char*>(message.data()),
      message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return Base64Url(mac, 6);
}

std::int64_t RandomKey() {
  std::uint64_t bits = 0;
  randombytes_buf(&bits, sizeof bits);
  return static_cast<std::int64_t>(bits >> 2) + 1;
}

std::string RandomPassword() {
  unsigned char bytes[15];
  randombytes_buf(bytes, sizeof bytes);
  return Base64Url(bytes, sizeof bytes);
}

}  // namespace capdev::services
