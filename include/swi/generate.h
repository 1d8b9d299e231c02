/** @file
 * libswi - generate.h: synthetic, rule-valid deliveries for tests
 * ("fixtures"). Since 0.2.
 *
 * A vendor's test suite needs deliveries that look like a municipality's:
 * both doelgroepen, PIPs on every route with completed Z-routes, talks,
 * fines, movers and ends of guidance. The generator makes them from a seed:
 *
 *     swi_generator *g;
 *     swi_delivery *d;
 *     swi_generator_new(&g);
 *     swi_generator_set(g, SWI_GEN_PERSONS, 500);
 *     swi_generator_set(g, SWI_GEN_SEED, 42);
 *     swi_generator_set(g, SWI_GEN_YEAR, 2026);
 *     swi_generator_set(g, SWI_GEN_QUARTER, 2);
 *     if (swi_generate(&d, g) != SWI_OK)
 *             fprintf(stderr, "%s\n", swi_generator_last_message(g));
 *     swi_generator_free(g);
 *     ... swi_delivery_write_dir(d, 0, dir, NULL, 0); swi_delivery_free(d);
 *
 * What is promised
 *  - Synthetic data only. Every BSN is a generated number that passes the
 *    11-test (so libswi and CBS accept it); it is drawn at random, never a
 *    sequence and never taken from real data. Names do not exist in an SWI
 *    file; birth dates and all other dates are drawn as well.
 *  - Deterministic: the same options and seed give the same delivery, and
 *    so the same bytes from the writers, on every platform and every run
 *    (a fixed pseudo-random generator, integer arithmetic only). A later
 *    libswi release may generate other data for the same seed; the
 *    release notes say so.
 *  - Rule-valid: swi_delivery_validate() reports no errors for a generated
 *    delivery of any quarter from 2022 on. Years without their own ruleset
 *    or municipality list get the warnings of doc/years.md (SWI-017,
 *    SWI-018, SWI-019) by design. With SWI_GEN_CLEAN there are no other
 *    warnings; without it ("realistic") there may be warnings for what is
 *    legal but unusual (a fine correction from an earlier quarter, a
 *    conditional kenmerk left empty, a mover with a completed Z-route).
 *  - Every date lies in the past of the reporting quarter (no planned dates,
 *    3.2.2, 2.2-2.5) and after the start of the Wet inburgering 2021; talks
 *    and fines are of the reporting quarter (3.3.1). swi_generate() sets
 *    the reference date ("today") to 15 days after the quarter, inside the
 *    aanleverperiode, so validation does not depend on the clock.
 *  - With enough persons (a few hundred, SWI_GEN_PIPS, _TALKS and _FINES
 *    on) every kenmerk 1-38 is used somewhere.
 *
 * Options are set one by one (the option object is opaque, so options can
 * be added in later releases without breaking the ABI); an option that was
 * never set keeps the default named below.
 *
 * Thread-safety: a swi_generator is used by one thread at a time (its
 * last-message slot changes); different generators may be used in parallel.
 */
#ifndef SWI_GENERATE_H
#define SWI_GENERATE_H

#include <swi/common.h>
#include <swi/delivery.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Generator options. Permanent values; new options are appended. */
typedef enum swi_gen_option {
	/** Seed of the pseudo-random stream: any 64-bit value. Default 1. */
	SWI_GEN_SEED = 1,
	/** Number of persons, 0..10,000,000. Default 100. */
	SWI_GEN_PERSONS = 2,
	/** Statistiekjaar (k1), from 2022 (the first year of the law, doc/years.md)
	 * to 9998; SWI_EYEAR otherwise. Default 2026. */
	SWI_GEN_YEAR = 3,
	/** Statistiekkwartaal (k2), 1-4. Default 1. */
	SWI_GEN_QUARTER = 4,
	/** Gemeentecode (k7), 1-9999; swi_generate() refuses (SWI_ECODE) a code
	 * that is not in the municipality list for the year. Default 153 (Enschede). */
	SWI_GEN_GEMEENTE = 5,
	/** Berichtgevercode (k6), 1-9999, or -1: the gemeentecode. Default -1. */
	SWI_GEN_BERICHTGEVER = 6,
	/** Share of asielstatushouders (Type migrant 1) in percent, 0-100; the
	 * others are gezins- en overige migranten. Default 55. */
	SWI_GEN_ASIEL_PERCENT = 7,
	/** 1: about two thirds of the persons have one or two PIPs; 0: none
	 * (and so no leerroute, MAP or Z-route kenmerken). Default 1. */
	SWI_GEN_PIPS = 8,
	/** 1: gezinsmigranten get 0-2 voortgangsgesprekken in the quarter; 0: none. Default 1. */
	SWI_GEN_TALKS = 9,
	/** 1: about one person in ten has a fine; 0: none. Default 1. */
	SWI_GEN_FINES = 10,
	/** Share in percent of the persons with PIPs whose leerroute is the
	 * Z-route (about half of them completed), 0-100; the others follow the
	 * B1- or onderwijsroute. -1 (default): every route about equally, with
	 * route changes between PIPs. */
	SWI_GEN_ZROUTE_PERCENT = 11,
	/** Share in percent of the persons who moved out of the gemeente in the
	 * quarter (einde begeleiding reden 1 with its date), 0-100. -1 (default):
	 * one in ten ends guidance, about half of them by a move. */
	SWI_GEN_MOVERS_PERCENT = 12,
	/** 1: no warnings at all (besides those of doc/years.md); 0 (default):
	 * realistic, with the warnings described above. */
	SWI_GEN_CLEAN = 13,
	/** 1: every person has PIPs and every kenmerk that applies to it is
	 * filled (talks and fines as SWI_GEN_TALKS and _FINES allow); 0
	 * (default): about 60% of the optional kenmerken. */
	SWI_GEN_FULL = 14,
} swi_gen_option;

/**
 * The generator's options (opaque; made by swi_generator_new()). It holds
 * no delivery: deliveries made with it stay valid after swi_generator_free().
 */
typedef struct swi_generator swi_generator;

/**
 * A generator with every option at its default. NEW: free with
 * swi_generator_free(). SWI_OK, SWI_EINVAL (out is NULL) or SWI_ENOMEM.
 */
SWI_EXPORT int swi_generator_new(swi_generator **out);

/** Frees the generator. Accepts NULL. Deliveries made with it stay valid. */
SWI_EXPORT void swi_generator_free(swi_generator *g);

/**
 * Sets an option (swi_gen_option). SWI_OK; SWI_EINVAL for a NULL generator
 * or an unknown option; SWI_ERANGE for a value outside the option's range
 * (SWI_EYEAR for a year). On an error the option keeps its value and
 * swi_generator_last_message() says why, in Dutch.
 */
SWI_EXPORT int swi_generator_set(swi_generator *g, int option, int64_t value);

/** The option's current value. SWI_OK or SWI_EINVAL (NULL or unknown option). */
SWI_EXPORT int swi_generator_get(const swi_generator *g, int option, int64_t *out);

/**
 * Message of the generator's last failed call ("" if none), in Dutch;
 * swi_generate() and swi_generate_persons() clear it when they start.
 * BORROWED: valid until the next call on the generator or its free.
 * "" for NULL.
 */
SWI_EXPORT const char *swi_generator_last_message(const swi_generator *g);

/**
 * Generates a complete delivery: header k1-k7 (software "and", version
 * "swi-gen"), the reference date (15 days after the quarter) and
 * SWI_GEN_PERSONS persons. NEW: free with swi_delivery_free().
 * SWI_OK; SWI_EINVAL (NULL argument); SWI_ECODE (the gemeentecode is not in
 * the municipality list for the year); SWI_ENOMEM; SWI_EIO or
 * SWI_EDATAFILE (a municipality list file given by SWI_GEMEENTEN_DIR or
 * installed could not be read). On failure *out is NULL and the message is
 * in swi_generator_last_message().
 */
SWI_EXPORT int swi_generate(swi_delivery **out, swi_generator *g);

/**
 * Adds SWI_GEN_PERSONS generated persons to an existing delivery, for the
 * delivery's own statistiekjaar and kwartaal (k1 and k2 must be set; the
 * year, quarter, gemeente and berichtgever options are not used). BSNs
 * already in the delivery are skipped. All or nothing: on failure every
 * person added by this call is removed again (see swi_person_remove();
 * their memory is reclaimed with the delivery) and nothing else changed.
 * The delivery's reference date is not touched.
 * SWI_OK; SWI_EINVAL (NULL); SWI_EINCOMPLETE (k1 or k2 not set); SWI_EYEAR
 * (a statistiekjaar before 2022 or after 9998); SWI_ENOMEM. The message is
 * in both the generator's and the delivery's last-error slot.
 */
SWI_EXPORT int swi_generate_persons(swi_delivery *d, swi_generator *g);

#ifdef __cplusplus
}
#endif

#endif /* SWI_GENERATE_H */
