import type {} from 'okaeri/vue';
