/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A session bus of the test's own (GTestDBus) with gnome-keyring-daemon on
 * it, its login keyring made and unlocked with --unlock, in a temporary
 * folder: the Secret Service a desktop session has, without a prompt.
 * Start it before anything connects to the session bus. */
typedef struct
{
  GTestDBus   *bus;
  GSubprocess *daemon;
  char        *dir;
} SpTestKeyring;

char          *sp_test_keyring_find (void);
SpTestKeyring *sp_test_keyring_new (void);
void           sp_test_keyring_free (SpTestKeyring *keyring);

G_END_DECLS
