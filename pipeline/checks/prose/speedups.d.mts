export function installSpeedups(): void;
