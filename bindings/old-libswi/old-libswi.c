/*
 * A stand-in for an OLD libswi.so.0 (0.1.0), for the bindings' version
 * handshake tests: it exports what libswi 0.1 exported that a binding may
 * touch before it knows the version (swi_version, swi_strerror), and none of
 * the 0.2 symbols (swi_delivery_add_batch, ...). A binding that binds every
 * symbol first would fail here with "undefined symbol"; the bindings must
 * instead say "libswi 0.1.0 found, this binding needs >= 0.2.0".
 */
const char *swi_version(void);
const char *swi_strerror(int status);

__attribute__((visibility("default"))) const char *swi_version(void)
{
	return "0.1.0";
}

__attribute__((visibility("default"))) const char *swi_strerror(int status)
{
	return status == 0 ? "success" : "unknown status code";
}
