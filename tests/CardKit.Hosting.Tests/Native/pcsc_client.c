/*
 * A real libpcsclite client for CardKit's doctor tests (a separate process, so /proc shows it).
 *   pcsc_client establish      prints "rv=0x........ library=PATH": SCardEstablishContext's result and
 *                              the libpcsclite file the dynamic loader picked (dladdr)
 *   pcsc_client hold READER    connects to READER with SCARD_SHARE_EXCLUSIVE, prints "held", and keeps
 *                              the card until its standard input closes
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <PCSC/winscard.h>

int main(int argc, char **argv)
{
	SCARDCONTEXT context;
	Dl_info info;
	LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &context);
	const char *library = dladdr((void *)SCardEstablishContext, &info) && info.dli_fname ? info.dli_fname : "?";

	if (argc == 2 && strcmp(argv[1], "establish") == 0)
	{
		printf("rv=0x%08lX library=%s\n", (unsigned long)rv, library);
		if (rv == SCARD_S_SUCCESS)
			SCardReleaseContext(context);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "hold") == 0)
	{
		SCARDHANDLE card;
		DWORD protocol;
		char buffer[64];

		if (rv != SCARD_S_SUCCESS)
		{
			printf("establish rv=0x%08lX\n", (unsigned long)rv);
			return 1;
		}
		rv = SCardConnect(context, argv[2], SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
		if (rv != SCARD_S_SUCCESS)
		{
			printf("connect rv=0x%08lX\n", (unsigned long)rv);
			return 1;
		}
		printf("held\n");
		fflush(stdout);
		while (read(0, buffer, sizeof buffer) > 0)
			;
		SCardDisconnect(card, SCARD_LEAVE_CARD);
		SCardReleaseContext(context);
		return 0;
	}
	fprintf(stderr, "usage: %s establish | hold READER\n", argv[0]);
	return 2;
}
