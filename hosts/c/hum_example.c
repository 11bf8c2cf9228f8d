/*
 * hum C host example: initialise, prove a witness file while printing progress, verify, and
 * show the error for an invalid witness.
 *
 *   hum_example DEPTH WITNESS.json [PROOF_OUT.json]
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

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc(size > 0 ? (size_t)size : 1);
    if (data != NULL && fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return data;
}

static int fail(HumProver *prover, const char *what, HumResult code) {
    HumBuffer message = {0};
    hum_prover_last_error(prover, &message);
    fprintf(stderr, "%s failed: %s (%.*s)\n", what, hum_result_message(code), (int)message.len, (const char *)message.data);
    hum_buffer_free(message);
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s DEPTH WITNESS.json [PROOF_OUT.json]\n", argv[0]);
        return 2;
    }
    unsigned depth = (unsigned)strtoul(argv[1], NULL, 10);
    size_t witness_len = 0;
    char *witness = read_file(argv[2], &witness_len);
    if (witness == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 2;
    }
    printf("hum %s\n", hum_version());

    HumProver *prover = NULL;
    HumResult r = hum_prover_new(&prover);
    if (r != HUM_RESULT_OK) {
        fprintf(stderr, "hum_prover_new: %s\n", hum_result_message(r));
        free(witness);
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

    struct proof_wait wait = {.lock = PTHREAD_MUTEX_INITIALIZER, .done_cond = PTHREAD_COND_INITIALIZER, .code = HUM_RESULT_INTERNAL};
    r = hum_prover_prove_async(prover, (const uint8_t *)witness, witness_len, on_event, &wait);
    if (r != HUM_RESULT_OK) {
        status = fail(prover, "prove_async", r);
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
    if (argc > 3) {
        FILE *f = fopen(argv[3], "wb");
        if (f != NULL) {
            fwrite(wait.proof_json, 1, wait.proof_len, f);
            fclose(f);
        }
    }

    /* A verifier states what it accepts, never taking it from the proof: the depth of its group
       and, because this example runs on the development SRS, an explicit opt-in to it. */
    HumVerifyPolicy policy = hum_verify_policy_default();
    policy.depth = depth;
    policy.allow_insecure_dev_srs = true;
    r = hum_prover_verify(prover, (const uint8_t *)wait.proof_json, wait.proof_len, &policy);
    printf("verify: %s\n", r == HUM_RESULT_OK ? "valid" : hum_result_message(r));
    free(wait.proof_json);
    if (r != HUM_RESULT_OK) {
        goto out;
    }

    /* An invalid witness: a field element that is not hex. The error names the field. */
    const char *bad = "{\"secret\":\"0xnot-hex\",\"index\":0,\"siblings\":[\"0x1\"],\"action_id\":\"0x1\",\"message_hash\":\"0x2\"}";
    HumBuffer ignored = {0};
    r = hum_prover_prove(prover, (const uint8_t *)bad, strlen(bad), &ignored);
    hum_buffer_free(ignored);
    HumBuffer message = {0};
    hum_prover_last_error(prover, &message);
    printf("invalid witness: %s: %.*s\n", hum_result_message(r), (int)message.len, (const char *)message.data);
    hum_buffer_free(message);
    status = r == HUM_RESULT_INVALID_WITNESS ? 0 : 1;

out:
    hum_prover_free(prover);
    free(witness);
    return status;
}
