/*
 * hum C host example, the five steps: an identity, a group, a proof for a member (with
 * progress), a verification against the group's root and the action, and the errors for an
 * identity that is not a member and for a bad group.
 *
 *   hum_example DEPTH [PROOF_OUT.json]
 *
 * Uses only the public C ABI in ffi/include/hum.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hum.h"

struct proof_wait {
    pthread_mutex_t lock;
    pthread_cond_t done_cond;
    int done;
    int last_percent;
    int progress_events;
    HumResult code;
    char *proof_json; /* copied out of the callback */
    size_t proof_len;
};

static void on_event(const HumEvent *event, void *user_data) {
    struct proof_wait *wait = user_data;
    pthread_mutex_lock(&wait->lock);
    switch (event->kind) {
    case HUM_EVENT_KIND_STATUS:
        printf("status: %s\n", event->state == HUM_STATE_PROVING ? "proving"
                               : event->state == HUM_STATE_READY ? "ready"
                               : event->state == HUM_STATE_ERROR ? "error" : "initializing");
        /* Every asynchronous proof ends with READY (after PROOF_COMPLETE, or after ERROR and
           status ERROR: wit/POLICY.md). */
        if (event->state == HUM_STATE_READY) {
            wait->done = 1;
            pthread_cond_signal(&wait->done_cond);
        }
        break;
    case HUM_EVENT_KIND_PROGRESS:
        if (event->percent < wait->last_percent) {
            fprintf(stderr, "progress went backwards\n");
        }
        wait->last_percent = event->percent;
        wait->progress_events++;
        printf("progress: %3u%%\n", (unsigned)event->percent);
        break;
    case HUM_EVENT_KIND_PROOF_COMPLETE:
        wait->code = HUM_RESULT_OK;
        wait->proof_json = malloc(event->len);
        if (wait->proof_json != NULL) {
            memcpy(wait->proof_json, event->data, event->len);
            wait->proof_len = event->len;
        }
        break;
    case HUM_EVENT_KIND_ERROR:
        wait->code = event->code;
        printf("error event: %s: %.*s\n", hum_result_message(event->code), (int)event->len, (const char *)event->data);
        break;
    }
    fflush(stdout);
    pthread_mutex_unlock(&wait->lock);
}

/* Zeroes a secret in a way the compiler cannot drop as a dead store. */
static void wipe(void *data, size_t len) {
    volatile uint8_t *bytes = data;
    while (len--) {
        *bytes++ = 0;
    }
}

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

static int fail(HumProver *prover, const char *what, HumResult code) {
    HumBuffer message = {0};
    if (prover != NULL) {
        hum_prover_last_error(prover, &message);
    } else {
        hum_last_error(&message);
    }
    fprintf(stderr, "%s failed: %s (%.*s)\n", what, hum_result_message(code), (int)message.len, (const char *)message.data);
    hum_buffer_free(message);
    return 1;
}

#define MEMBERS 3

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s DEPTH [PROOF_OUT.json]\n", argv[0]);
        return 2;
    }
    unsigned depth = (unsigned)strtoul(argv[1], NULL, 10);
    printf("hum %s\n", hum_version());

    /* 1. Identities: Alice's from the OS's CSPRNG (a wallet would derive one from a signature
       with hum_identity_from_seed); only commitments are shared. */
    uint8_t secret[32], members[MEMBERS * 32], root[32], action_id[32], message_hash[32];
    char hex[67];
    HumResult r = HUM_RESULT_OK;
    for (int i = 0; i < MEMBERS && r == HUM_RESULT_OK; i++) {
        uint8_t other[32];
        r = hum_identity_random(i == 1 ? secret : other);
        if (r == HUM_RESULT_OK) {
            r = hum_identity_commitment(i == 1 ? secret : other, &members[i * 32]);
        }
        wipe(other, sizeof other);
    }
    if (r != HUM_RESULT_OK) {
        return fail(NULL, "identity", r);
    }
    to_hex(&members[32], hex);
    printf("identity commitment: %s\n", hex);

    /* 2. The group: its members' commitments in order; its root is what verifiers accept. */
    r = hum_group_root((uint8_t)depth, members, sizeof members, root);
    if (r != HUM_RESULT_OK) {
        return fail(NULL, "group root", r);
    }
    char root_hex[67];
    to_hex(root, root_hex);
    printf("group root: %s\n", root_hex);

    /* The action and the message as field elements: keccak256(text) >> 8. */
    const char *action = "vote-2026", *message = "yes";
    hum_hash_to_field((const uint8_t *)action, strlen(action), action_id);
    hum_hash_to_field((const uint8_t *)message, strlen(message), message_hash);
    char action_hex[67];
    to_hex(action_id, action_hex);

    HumProver *prover = NULL;
    r = hum_prover_new(&prover);
    if (r != HUM_RESULT_OK) {
        fprintf(stderr, "hum_prover_new: %s\n", hum_result_message(r));
        return 1;
    }
    int status = 1;
    r = hum_prover_init(prover, depth, NULL, 0, NULL, 0);
    if (r != HUM_RESULT_OK) {
        status = fail(prover, "init", r);
        goto out;
    }
    HumBuffer id = {0};
    hum_prover_circuit_id(prover, &id);
    printf("initialised: %.*s\n", (int)id.len, (const char *)id.data);
    hum_buffer_free(id);

    /* 3. Prove for Alice as a member: hum builds the tree and finds her leaf. */
    struct proof_wait wait = {.lock = PTHREAD_MUTEX_INITIALIZER, .done_cond = PTHREAD_COND_INITIALIZER, .code = HUM_RESULT_INTERNAL};
    r = hum_prover_prove_member_async(prover, secret, (uint8_t)depth, members, sizeof members, action_id, message_hash,
                                      HUM_FLAVOUR_STANDARD, on_event, &wait);
    if (r != HUM_RESULT_OK) {
        status = fail(prover, "prove_member_async", r);
        goto out;
    }
    pthread_mutex_lock(&wait.lock);
    while (!wait.done) {
        pthread_cond_wait(&wait.done_cond, &wait.lock);
    }
    pthread_mutex_unlock(&wait.lock);
    if (wait.code != HUM_RESULT_OK || wait.proof_json == NULL) {
        status = fail(prover, "prove", wait.code);
        free(wait.proof_json);
        goto out;
    }
    printf("proof complete: %zu bytes of JSON after %d progress events\n", wait.proof_len, wait.progress_events);
    if (argc > 2) {
        FILE *f = fopen(argv[2], "wb");
        if (f != NULL) {
            fwrite(wait.proof_json, 1, wait.proof_len, f);
            fclose(f);
        }
    }

    /* 4. Verify: the verifier states what it accepts, never taking it from the proof: the depth
       and root of its group and the action. The default setup (IPA on hum's transparent
       generators, which hum_prover_init chose for the NULL SRS) needs no opt-in. */
    HumVerifyPolicy policy = hum_verify_policy_default();
    policy.depth = depth;
    policy.root = root_hex;
    policy.action_id = action_hex;
    r = hum_prover_verify(prover, (const uint8_t *)wait.proof_json, wait.proof_len, &policy);
    printf("verify: %s\n", r == HUM_RESULT_OK ? "valid" : hum_result_message(r));
    free(wait.proof_json);
    if (r != HUM_RESULT_OK) {
        goto out;
    }

    /* 5. Bad input gets a typed error that names the reason: someone who is not a member… */
    uint8_t outsider[32];
    hum_identity_random(outsider);
    HumBuffer ignored = {0};
    r = hum_prover_prove_member(prover, outsider, (uint8_t)depth, members, sizeof members, action_id, message_hash,
                                HUM_FLAVOUR_STANDARD, &ignored);
    wipe(outsider, sizeof outsider);
    hum_buffer_free(ignored);
    HumBuffer why = {0};
    hum_prover_last_error(prover, &why);
    printf("not a member: %s: %.*s\n", hum_result_message(r), (int)why.len, (const char *)why.data);
    hum_buffer_free(why);
    int refused = r == HUM_RESULT_INVALID_ARGUMENT;

    /* …and a group that lists a member twice. */
    memcpy(&members[64], &members[0], 32);
    r = hum_group_root((uint8_t)depth, members, sizeof members, root);
    hum_last_error(&why);
    printf("bad group: %s: %.*s\n", hum_result_message(r), (int)why.len, (const char *)why.data);
    hum_buffer_free(why);
    status = refused && r == HUM_RESULT_INVALID_ARGUMENT ? 0 : 1;

out:
    wipe(secret, sizeof secret);
    hum_prover_free(prover);
    return status;
}
