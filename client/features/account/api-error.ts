/** The HTTP status and message of a failed tRPC call, whatever was thrown. */
import { TRPCClientError } from "@trpc/client";

export interface ApiError {
  status: number | undefined;
  message: string;
}

export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: number } | undefined;
    return { status: data?.httpStatus, message: error.message };
  }
  return { status: undefined, message: error instanceof Error ? error.message : String(error) };
}
