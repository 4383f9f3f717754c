import { Alert } from "@mantine/core";
import { describeError } from "./errors";

/** Why a form was not saved, in the user's language; nothing while there is no failure. */
export function FormFailure({ failure, testId }: { failure: unknown; testId?: string }) {
  if (failure === null) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {describeError(failure)}
    </Alert>
  );
}
