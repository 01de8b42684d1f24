#pragma once
// Passwords (Argon2id through libsodium), bearer tokens (256 random bits;
// only their SHA-256 is stored) and self check-in's codes and keys.

#include <cstdint>
#include <string>

namespace capdev::services {

// Call once at start-up, before any thread uses the functions below.
void InitCrypto();

// Argon2id with libsodium's INTERACTIVE limits (or stronger). At most two
// hashes run at once, so a burst of logins cannot starve the workers.
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

std::string NewToken();                           // 43 characters of base64url
std::string TokenHash(const std::string& token);  // hex SHA-256
std::string RandomPassword();                     // for the first admin
// The CSRF token of a web session: derived from its secret token, so it
// needs no storage and no attacker without the cookie can compute it.
std::string CsrfToken(const std::string& token);
// Self check-in (services/checkin.hpp). A personal code: 8 characters of
// letters and digits without the look-alikes 0, O, 1 and I.
std::string PersonalCode();
// A certificate's code: domain::kCodeLength characters of
// domain::kCodeAlphabet, each drawn uniformly.
std::string CertificateCode();
std::string ShortToken();  // 128 random bits, 22 characters of base64url
// The code of a 15-second step: the HMAC-SHA256 of the step under the
// session's secret, 8 characters of base64url.
std::string StepCode(const std::string& secret, std::int64_t step);
// The random key of an anonymous answer (storage/schema_evaluation.hpp):
// 62 random bits, positive.
std::int64_t RandomKey();
// Compares secrets in constant time.
bool SameSecret(const std::string& a, const std::string& b);

}  // namespace capdev::services
