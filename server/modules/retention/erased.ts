import { ERASED } from "../../../shared/retention";
import { DataKeyDestroyed } from "../../platform/crypto/keyring";
import { Conflict } from "../../platform/errors";

/**
 * Opens a sealed field, or answers ERASED when its data key was destroyed: a page about an erased
 * person shows the field as erased, never an error.
 */
export async function orErased(opening: Promise<string>): Promise<string> {
  try {
    return await opening;
  } catch (error) {
    if (error instanceof DataKeyDestroyed) return ERASED;
    throw error;
  }
}

/** Sealing new text under a destroyed key cannot be done: the person's identity was erased. */
export async function unlessErased<T>(sealing: Promise<T>): Promise<T> {
  try {
    return await sealing;
  } catch (error) {
    if (error instanceof DataKeyDestroyed) throw new Conflict("identity_erased");
    throw error;
  }
}
