/*
 * A C application on the released C bundle: the five steps (identities, a group, a proof for a
 * member, its verification against the group's root and the action), built two ways by
 * tests/consumers/run.sh: `cc main.c $(pkg-config --cflags --libs hum)` and CMake's
 * `find_package(hum)`. With a file argument it also proves in the EVM flavour, verifies that
 * proof and writes its JSON there (for a contract: `hum calldata FILE`).
 */
#include <stdio.h>
#include <string.h>

#include <hum.h>

static void to_hex(const uint8_t bytes[32], char out[67]) {
    static const char digits[] = "0123456789abcdef";
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < 32; i++) {
        out[2 + 2 * i] = digits[bytes[i] >> 4];
        out[3 + 2 * i] = digits[bytes[i] & 15];
    }
    out[66] = '\0';
}

#define CHECK(call)                                                                                \
    do {                                                                                           \
        HumResult r_ = (call);                                                                     \
        if (r_ != HUM_RESULT_OK) {                                                                 \
            fprintf(stderr, "%s: %s\n", #call, hum_result_message(r_));                            \
            return 1;                                                                              \
        }                                                                                          \
    } while (0)

int main(int argc, char **argv) {
    uint8_t secret[32], other[32], members[3 * 32], root[32], action[32], message[32];
    for (int i = 0; i < 3; i++) {
        CHECK(hum_identity_random(i == 2 ? secret : other));
        CHECK(hum_identity_commitment(i == 2 ? secret : other, &members[32 * i]));
    }
    CHECK(hum_group_root(20, members, sizeof members, root));
    CHECK(hum_hash_to_field((const uint8_t *)"vote-2026", 9, action));
    CHECK(hum_hash_to_field((const uint8_t *)"yes", 3, message));

    HumProver *prover = NULL;
    CHECK(hum_prover_new(&prover));
    CHECK(hum_prover_init(prover, 20, NULL, 0, NULL, 0));
    HumBuffer proof = {0};
    CHECK(hum_prover_prove_member(prover, secret, 20, members, sizeof members, action, message, HUM_FLAVOUR_STANDARD,
                                  &proof));

    char root_hex[67], action_hex[67];
    to_hex(root, root_hex);
    to_hex(action, action_hex);
    HumVerifyPolicy policy = hum_verify_policy_default();
    policy.depth = 20;
    policy.root = root_hex;
    policy.action_id = action_hex;
    /* The default setup (IPA on hum's generators) passes this strict policy: no opt-in. */
    HumResult verdict = hum_prover_verify(prover, proof.data, proof.len, &policy);
    hum_buffer_free(proof);
    if (verdict == HUM_RESULT_OK && argc > 1) {
        /* A contract verifies KZG: here on the development SRS (this proves nothing; a real app
         * pins a ceremony's SRS with hum_prover_init_pinned). */
        CHECK(hum_prover_init_insecure_dev_srs(prover, 20, NULL, 0));
        policy.allow_insecure_dev_srs = true;
        HumBuffer evm = {0};
        CHECK(hum_prover_prove_member(prover, secret, 20, members, sizeof members, action, message, HUM_FLAVOUR_EVM, &evm));
        verdict = hum_prover_verify(prover, evm.data, evm.len, &policy);
        FILE *out = fopen(argv[1], "wb");
        if (out == NULL || fwrite(evm.data, 1, evm.len, out) != evm.len || fclose(out) != 0) {
            fprintf(stderr, "cannot write %s\n", argv[1]);
            return 1;
        }
        hum_buffer_free(evm);
    }
    printf("hum %s: verify: %s\n", hum_version(), verdict == HUM_RESULT_OK ? "valid" : hum_result_message(verdict));
    hum_prover_free(prover);
    return verdict == HUM_RESULT_OK ? 0 : 1;
}
